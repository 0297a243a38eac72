"""Org-scoped routes of the workspace server (tenant host)."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from sqlalchemy import text
from sqlalchemy.orm import Session

from runtime.identity import org_id
from workspace_server.db import get_session
from workspace_server.exports import workspace_rows
from workspace_server.orgdb import connect_org

router = APIRouter()
log = logging.getLogger(__name__)


@router.get("/workspaces/{workspace_id}/export")
def export_workspace(workspace_id: str, request: Request) -> dict:
    org = request.headers["X-Molecule-Org"]
    log.info("export of %s requested for org %s", workspace_id, org)
    return {"rows": workspace_rows(org, workspace_id)}  # expect: MOL302


@router.get("/orgs/{org}/workspaces")
def org_workspaces(org: str, session: Session = Depends(get_session)) -> dict:
    session.execute(text(f"SET search_path TO org_{org}"))  # expect: MOL302
    return {"ids": [row.id for row in session.execute(text("SELECT id FROM workspaces"))]}


@router.get("/workspaces/{workspace_id}/audit")
def audit(workspace_id: str, x_molecule_org: str = Header()) -> dict:
    if x_molecule_org != org_id():
        raise HTTPException(403, f"this host serves one org, not {x_molecule_org}")
    with connect_org(x_molecule_org) as conn:
        rows = conn.execute("SELECT kind FROM activity_logs WHERE workspace_id = %s", (workspace_id,)).fetchall()
    return {"kinds": [kind for (kind,) in rows], "org": x_molecule_org}
