"""Serve the claimflow pipeline as a scheduled Prefect deployment.

`claimflow serve` makes sure a Prefect API is up (claimflow.prefect_env.ensure_server)
and then calls `serve_pipeline()` here. Standalone, with a server already running:

    PREFECT_API_URL=http://127.0.0.1:4200/api python flows/serve.py --root . --cron "0 * * * *"

The runner polls the API for scheduled runs of the deployment and executes each one in
a subprocess; Ctrl-C (or SIGTERM) stops it and pauses the schedule.
"""
from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path

DEPLOYMENT_NAME = "claimflow-scheduled"


def _pipeline_flow():
    from prefect.flows import load_flow_from_entrypoint

    return load_flow_from_entrypoint(f"{Path(__file__).with_name('pipeline.py')}:claimflow_pipeline",
                                     use_placeholder_flow=False)


def _sigterm_like_ctrl_c() -> None:
    """Prefect 3.8.8's Runner.handle_sigterm calls the async `stop()` without awaiting it
    and then `sys.exit(0)` from inside the event loop, which leaves the runner waiting on
    in-flight flow-run processes for minutes. Make SIGTERM take the Ctrl-C path instead
    (KeyboardInterrupt: the runner's task groups are cancelled and `serve` returns)."""
    from prefect.runner import Runner

    def handle_sigterm(self, *args) -> None:
        raise KeyboardInterrupt("SIGTERM")

    Runner.handle_sigterm = handle_sigterm


def serve_pipeline(root: str, cron: str | None = "0 * * * *", interval: float | None = None,
                   name: str = DEPLOYMENT_NAME) -> None:
    """Create/update the deployment `claimflow-pipeline/<name>` with a cron schedule (or an
    interval in seconds, which wins when given) and run it until interrupted."""
    _sigterm_like_ctrl_c()
    flow = _pipeline_flow()
    schedule = {"interval": timedelta(seconds=interval)} if interval else {"cron": cron}
    flow.serve(
        name=name,
        parameters={"root": str(Path(root).resolve())},
        description=f"claimflow pipeline over {Path(root).resolve()}",
        tags=["claimflow"],
        **schedule,
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=".")
    parser.add_argument("--cron", default="0 * * * *")
    parser.add_argument("--interval", type=float, default=None, help="seconds; overrides --cron")
    args = parser.parse_args()
    serve_pipeline(args.root, cron=args.cron, interval=args.interval)
    sys.exit(0)
