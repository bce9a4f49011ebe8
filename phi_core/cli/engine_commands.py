"""models, phases: what the LLM hosts offer and which phase definitions exist."""

from __future__ import annotations

import argparse

from phi_core.cli.base import add_db, command, print_json


def _configure_models(p: argparse.ArgumentParser) -> None:
    p.add_argument("--backend", default="ollama", help="ollama (default), openai or llamacpp")
    p.add_argument(
        "--host",
        action="append",
        default=[],
        help="host URL; repeat or separate with commas for several "
        "(default: OLLAMA_HOST, or PHI_OPENAI_BASE_URL for openai)",
    )


@command("models", "list what each configured host offers, with sizes and quantisation", _configure_models)
def cmd_models(args: argparse.Namespace) -> int:
    from phi_core.backends.hosts import hosts_for
    from phi_core.runs.extractor_factory import describe_models

    hosts = describe_models(args.backend, tuple(hosts_for(args.backend, args.host)))
    print_json(hosts)
    return 0 if any(h["reachable"] for h in hosts) else 1


def _configure_phases(p: argparse.ArgumentParser) -> None:
    add_db(p)


@command("phases", "list phase definitions with their versions and content hashes", _configure_phases)
def cmd_phases(args: argparse.Namespace) -> int:
    from phi_core.phases import default_registry
    from phi_core.store import Store

    shipped = {p.key for p in default_registry().all()}
    rows = [
        {
            "key": p.key,
            "number": p.number,
            "name": p.name,
            "version": p.version,
            "hash": p.hash,
            "split": p.split,
            "output_shape": p.output_shape,
            "description": p.description,
            "source": "shipped",
        }
        for p in default_registry().all()
    ]
    with Store(args.db) as store:
        for row in store.phases().itertuples(index=False):
            if row.phase_key not in shipped:
                rows.append(
                    {
                        "key": row.phase_key,
                        "number": row.number,
                        "name": row.name,
                        "version": row.version,
                        "hash": row.hash,
                        "source": row.source,
                    }
                )
    print_json(rows)
    return 0
