"""`vardkedjan export hsds` and `vardkedjan import hsds`: the registry in and out of HSDS 3.0."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.paths import BUNDLED_REGISTRY
from pathways.errors import RegistryInvalid

# The registry and HSDS modules are imported by the commands that use them: building
# the parser must stay cheap for `vardkedjan check` (issue 14).

STANDARDS_COMMANDS = ("export", "import")


def add_standards_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser("export", help="write the registry in an open standard")
    formats = export.add_subparsers(dest="format", required=True)
    hsds_out = formats.add_parser("hsds", help="HSDS 3.0: JSON and datapackage.json + CSV")
    hsds_out.add_argument("--out", type=Path, required=True, help="directory to write")
    hsds_out.add_argument("registry", type=Path, nargs="?", default=BUNDLED_REGISTRY)

    imports = commands.add_parser("import", help="make a registry file from an open standard")
    formats = imports.add_subparsers(dest="format", required=True)
    hsds_in = formats.add_parser("hsds", help="an HSDS 3.0 directory (JSON or datapackage + CSV)")
    hsds_in.add_argument("directory", type=Path)
    hsds_in.add_argument("--out", type=Path, required=True, help="registry YAML file to write")
    hsds_in.add_argument("--map-kinds", type=Path, help="YAML: foreign term, id or name → kind")
    hsds_in.add_argument("--map-areas", type=Path, help="YAML: foreign area name, id or uri → area")
    hsds_in.add_argument("--map-needs", type=Path, help="YAML: foreign term, id or name → needs")
    hsds_in.add_argument(
        "--areas-from",
        type=Path,
        default=BUNDLED_REGISTRY,
        help="registry whose areas the import may use (default: the bundled one)",
    )


def run_standards(args: argparse.Namespace) -> int:
    try:
        if args.command == "export":
            return run_export(args.registry, args.out)
        return run_import(args)
    except RegistryInvalid as exc:
        print(
            f"vardkedjan: refused, {len(exc.problems)} problem(s); nothing was written.",
            file=sys.stderr,
        )
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"vardkedjan: {exc}", file=sys.stderr)
        return 1


def run_export(registry_path: Path, out: Path) -> int:
    from pathways.registry import Registry
    from pathways.standards.hsds_query import collect
    from pathways.standards.hsds_tables import write

    registry = Registry.from_file(registry_path)
    files = write(out, collect(registry))
    services = sum(1 for _ in registry.active())
    print(f"Wrote HSDS 3.0 for {services} services to {out}: {len(files)} files.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    if not args.directory.is_dir():
        print(f"vardkedjan: {args.directory} is not a directory.", file=sys.stderr)
        return 1
    from pathways.registry import Registry
    from pathways.standards.hsds_import import Maps, import_directory

    maps = Maps.load(args.map_kinds, args.map_areas, args.map_needs)
    base = Registry.from_file(args.areas_from)
    document, text = import_directory(args.directory, maps, base)
    args.out.write_text(text, encoding="utf-8")
    print(
        f"Wrote {args.out}: {len(document.providers)} providers, {len(document.flows)} flows; "
        f"it passes `vardkedjan check`."
    )
    return 0
