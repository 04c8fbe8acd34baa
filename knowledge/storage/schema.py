"""The database's schema: versioned sqlite-utils migrations, applied in order when a
database is opened (`FactStore.open`) and checked against a backup before it is restored."""

from __future__ import annotations

import secrets

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("talkbot")
SCHEMA_VERSION = 4


@migrations()
def m001_initial(db: Database) -> None:
    db["sources"].create(
        {
            "id": str,
            "title": str,
            "publisher": str,
            "cites": str,
            "language": str,
            "note": str,
            "file": str,
            "text": str,
        },
        pk="id",
    )
    db["facts"].create(
        {
            "id": str,
            "position": int,
            "data": str,
            "version": int,
            "updated_at": str,
            "updated_by": int,
            "deleted": int,
        },
        pk="id",
        not_null={"data", "version", "deleted"},
        defaults={"version": 1, "deleted": 0},
    )
    db["facts"].create_index(["deleted", "position"])
    db["audit"].create(
        {
            "id": int,
            "at": str,
            "admin_id": int,
            "action": str,
            "fact_id": str,
            "before": str,
            "after": str,
            "undone": int,
        },
        pk="id",
        defaults={"undone": 0},
    )
    db["audit"].create_index(["fact_id"])
    db["audit"].create_index(["admin_id", "id"])
    db["users"].create({"user_id": int, "tz": str, "lang": str, "updated_at": str}, pk="user_id")
    db["meta"].create({"key": str, "value": str}, pk="key")


@migrations()
def m002_curation(db: Database) -> None:
    """Undoable batches in the audit trail, the question log, subscriptions and their outbox."""
    audit = db["audit"]
    # One admin write (an import included) is one batch; undo reverts a batch.
    for column in ("batch", "version", "undo_of", "before_position", "after_position"):
        audit.add_column(column, int)
    db.execute("UPDATE audit SET batch = id")
    audit.create_index(["batch"])
    db["questions"].create(
        {
            "id": int,
            "at": str,
            "user_hash": str,
            "text": str,
            "norm": str,
            "lang": str,
            "status": str,
            "fact_id": str,
            "score": float,
            "resolution": str,
        },
        pk="id",
        not_null={"at", "user_hash", "text", "norm", "status"},
    )
    db["questions"].create_index(["at"])
    db["questions"].create_index(["norm"])
    db["subscriptions"].create(
        {"user_id": int, "fact_id": str, "at": str}, pk=("user_id", "fact_id")
    )
    db["subscriptions"].create_index(["fact_id"])
    db["outbox"].create(
        {
            "id": int,
            "user_id": int,
            "fact_id": str,
            "audit_id": int,
            "changes": str,
            "created_at": str,
            "sent_at": str,
        },
        pk="id",
        not_null={"user_id", "fact_id", "audit_id", "changes", "created_at"},
    )
    # The unique pair is what makes "nobody is told twice about one change" hold.
    db["outbox"].create_index(["user_id", "audit_id"], unique=True)
    db.execute("CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL")
    db["meta"].upsert({"key": "question_salt", "value": secrets.token_hex(16)}, pk="key")
    db["meta"].upsert({"key": "schema_version", "value": "2"}, pk="key")


@migrations()
def m003_subscription_language(db: Database) -> None:
    """The language a user subscribed in, so notifications survive a restart in it."""
    db["subscriptions"].add_column("lang", str)
    db["meta"].upsert({"key": "schema_version", "value": "3"}, pk="key")


@migrations()
def m004_events(db: Database) -> None:
    """The events the facts belong to (a database seeded before has none yet: see open)."""
    db["events"].create({"id": str, "position": int, "data": str}, pk="id", not_null={"data"})
    db["meta"].upsert({"key": "schema_version", "value": "4"}, pk="key")
