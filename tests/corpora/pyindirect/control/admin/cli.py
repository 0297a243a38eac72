"""`python -m control.admin.cli` — operator commands."""

import argparse

from control.fleet.probes import recent_runs
from control.settings import settings
from kit.db import connect, make_reader
from kit.schema import ControlTable, WsTable
from workspace.store import RunRepository  # expect: MOL104

read_runs = make_reader(WsTable.RUNS)
read_records = make_reader(ControlTable.DNS)


def cmd_purge(args: argparse.Namespace) -> None:
    with connect(settings.fleet_database_url) as conn:  # expect: MOL102
        RunRepository(conn).purge_older_than(args.days)  # expect: MOL101


def cmd_dump(args: argparse.Namespace) -> None:
    with connect(settings.database_url) as conn:
        print(read_records(conn, args.org))
        print(read_runs(conn, args.org))  # expect: MOL101


def cmd_fleet_runs(args: argparse.Namespace) -> None:
    with connect(settings.database_url) as conn:
        orgs = conn.execute("SELECT id, host, workspace_id FROM orgs WHERE active").fetchall()
    totals = {}
    for org in orgs:  # expect: MOL202
        totals[org["id"]] = len(recent_runs(org["host"], org["workspace_id"]))
    print(totals)


def main() -> None:
    parser = argparse.ArgumentParser(prog="control-admin")
    sub = parser.add_subparsers(required=True)
    purge = sub.add_parser("purge")
    purge.add_argument("--days", type=int, default=90)
    purge.set_defaults(func=cmd_purge)
    dump = sub.add_parser("dump")
    dump.add_argument("org")
    dump.set_defaults(func=cmd_dump)
    sub.add_parser("fleet-runs").set_defaults(func=cmd_fleet_runs)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
