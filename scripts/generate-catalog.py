#!/usr/bin/env python3
"""Generate costgate's built-in, offline GPU price catalog.

Reads the pricing extracts in shared/data/pricing (see the README.md beside them) and writes
Sources/CostGatePricing/BuiltinCatalog+Data.swift: compact, normalized tables embedded as
multi-line string literals (CSV-like text; large Swift array literals compile far too slowly),
with a header comment naming every source. The Swift side (BuiltinCatalog.swift,
PriceCatalog+Builtin.swift) parses the tables once and applies the pricing rules
(per-accelerator residuals, the GCP sanity bound, fallbacks); this script only extracts,
normalizes and aggregates.

Usage, from the repository root:

    python3 scripts/generate-catalog.py [PRICING_DIR] [--output FILE] [--check]

PRICING_DIR defaults to ../shared/data/pricing relative to the repository root. --check
compares instead of writing and exits 1 when the committed file is stale. The output depends
on the input files only (no timestamps), so regenerating is reproducible.

What is aggregated (each choice is repeated in the generated header):
* AWS: one row per (region, instance type): on-demand and spot $/h = median over the
  availability-zone rows that have a price. Local Zone rows (zone ids such as usw2-lax1-az1,
  use1-atl2-az1) are left out: they are not the region's price.
* AWS us-east-1 on-demand from karpenter-provider-aws fills types that have no SkyPilot row.
* Azure: one row per (region, instance type); `_Promo` SKUs dropped; count corrections below.
* GCP: host-VM rows and accelerator-attach rows separately, medians over zones per region;
  plus the host shape -> (accelerator, count) table SkyPilot uses to add them up.
* TPUs: per chip. v6e from the SkyPilot slice rows (price / chips), other generations (and
  v6e regions without slice rows) from gpuhunt's per-chip table; verbatim duplicates removed.
* AWS Spot Instance Advisor: Linux rows only (region, instance, band index, savings %).
Empty prices stay empty ("not offered"); no price is ever turned into 0.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import re
import sys
from decimal import Decimal
from statistics import median

SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(SCRIPT_DIR)
DEFAULT_PRICING_DIR = os.path.join(REPO_ROOT, "..", "shared", "data", "pricing")
DEFAULT_OUTPUT = os.path.join(REPO_ROOT, "Sources", "CostGatePricing", "BuiltinCatalog+Data.swift")
COMMAND = "python3 scripts/generate-catalog.py ../shared/data/pricing"

# Where each extract comes from (shared/data/pricing/README.md). `date` is a date the data can be
# tied to (None: unknown); `date_note` says what the date means.
SOURCES = [
    dict(id="skypilot-aws", file="aws_gpu_vms.csv", repository="skypilot-org/skypilot-catalog",
         path="catalogs/v9/aws/vms.csv", commit="2c3d7ea7d76bf84cf80d382e946c1609571485fd", date="",
         date_note="commit date unknown; its us-east-1 on-demand prices equal karpenter's 2026-07-20 table "
                   "for all 64 shared types (mid-2026); spot prices are one undated snapshot per zone",
         licence="no LICENSE file in the catalog repository (generated from AWS's public price API); unclear"),
    dict(id="karpenter-aws", file="aws_gpu_ondemand_us_east_1.csv", repository="aws/karpenter-provider-aws",
         path="pkg/providers/pricing/zz_generated.pricing_aws.go", commit="1d927085dd81a9df9301e613f371dac5b4d16bfe",
         date="2026-07-20", date_note="file header: generated at 2026-07-20T13:44:30Z for us-east-1 (on-demand only)",
         licence="Apache-2.0"),
    dict(id="skypilot-gcp-accelerators", file="gcp_accelerators.csv", repository="skypilot-org/skypilot-catalog",
         path="catalogs/v9/gcp/vms.csv", commit="2c3d7ea7d76bf84cf80d382e946c1609571485fd", date="",
         date_note="commit date unknown; no independent date check",
         licence="no LICENSE file in the catalog repository (generated from GCP's public price API); unclear"),
    dict(id="skypilot-gcp-hosts", file="gcp_gpu_host_vms.csv", repository="skypilot-org/skypilot-catalog",
         path="catalogs/v9/gcp/vms.csv", commit="2c3d7ea7d76bf84cf80d382e946c1609571485fd", date="",
         date_note="commit date unknown; no independent date check",
         licence="no LICENSE file in the catalog repository (generated from GCP's public price API); unclear"),
    dict(id="skypilot-azure", file="azure_gpu_vms.csv", repository="skypilot-org/skypilot-catalog",
         path="catalogs/v6/azure/vms.csv", commit="098741e70562f65d7af1cceb81e33b284f742604", date="",
         date_note="one known version, probably 2024 (no newer Azure catalog upstream): treat as stale",
         licence="no LICENSE file in the catalog repository (generated from Azure's public price API); unclear"),
    dict(id="spotinfo", file="aws_spot_advisor_gpu.csv", repository="alexei-led/spotinfo",
         path="internal/spot/data/spot-advisor-data.json", commit="05e933139449b888c78795b28af8e9370429a031",
         date="2025-06-28", date_note="file last changed 2025-06-28 (embedded copy of AWS's spot-advisor-data.json)",
         licence="Apache-2.0 (the feed itself is AWS's)"),
    dict(id="gpuhunt-tpu", file="gcp_tpu_per_chip.csv", repository="dstackai/gpuhunt",
         path="src/gpuhunt/resources/tpu_pricing.json", commit="35841515de3792fe6be73b0422ac8901b6b929c8",
         date="2024-12-23", date_note="file last changed 2024-12-23", licence="MPL-2.0"),
]

# SkyPilot accelerator names -> costgate GPUModel ids (GPUModel+Aliases.swift knows the same ids).
MODEL_IDS = {
    "V100": "v100-16gb", "V100-32GB": "v100-32gb", "A100": "a100-40gb", "A100-80GB": "a100-80gb",
    "H100": "h100-80gb", "H100-MEGA": "h100-80gb", "H200": "h200-141gb", "B200": "b200", "B300": "b300",
    "L4": "l4", "L40S": "l40s", "A10G": "a10g", "A10": "a10", "T4": "t4", "T4g": "t4g", "K80": "k80", "M60": "m60",
    "P100": "p100", "P4": "p4", "RTXPRO6000": "rtx-pro-6000", "Radeon Pro V520": "radeon-pro-v520",
    "Radeon MI25": "mi25", "Gaudi": "gaudi", "Inferentia": "inferentia", "Inferentia2": "inferentia2",
    "Trainium": "trainium", "Trainium2": "trainium2",
}

# Azure NC H100 v5 / NCC H100 v5 carry the H100 NVL (94 GB, PCIe), not the 80 GB SXM part of ND H100 v5.
AZURE_H100_NVL = re.compile(r"^Standard_NCC?\d+adi?s_H100_v5$")

# Azure corrections: instance -> (accelerator name, count, why). Applied instead of the catalog value.
AZURE_CORRECTIONS = {
    "Standard_ND96isr_H100_v5": ("H100", "8", "catalog says 12 GPUs; the SKU has 8 H100 (Azure ND H100 v5 sizes)"),
    "Standard_NV4as_v4": ("Radeon MI25", "0.125", "catalog says 1 GPU; NVv4 NV4as_v4 has 1/8 of an MI25"),
    "Standard_NV8as_v4": ("Radeon MI25", "0.25", "catalog says 1 GPU; NVv4 NV8as_v4 has 1/4 of an MI25"),
    "Standard_NV16as_v4": ("Radeon MI25", "0.5", "catalog says 1 GPU; NVv4 NV16as_v4 has 1/2 of an MI25"),
    "Standard_NCC40ads_H100_v5": ("H100", "1", "catalog leaves the accelerator empty; NCC H100 v5 has 1 H100 NVL"),
}

# GCP host shape -> (accelerator row name, count). SkyPilot prices a GCP GPU VM as host row +
# accelerator row; these are the fixed pairings (g2: 4/8/12/16/32 vCPU -> 1 L4, 24 -> 2, 48 -> 4, 96 -> 8).
GCP_SHAPES = {
    **{f"a2-highgpu-{n}g": ("A100", n) for n in (1, 2, 4, 8)},
    "a2-megagpu-16g": ("A100", 16),
    **{f"a2-ultragpu-{n}g": ("A100-80GB", n) for n in (1, 2, 4, 8)},
    **{f"a3-highgpu-{n}g": ("H100", n) for n in (1, 2, 4, 8)},
    "a3-edgegpu-8g": ("H100", 8),
    "a3-megagpu-8g": ("H100-MEGA", 8),
    "a3-ultragpu-8g": ("H200", 8),
    "a4-highgpu-8g": ("B200", 8),
    **{f"g2-standard-{v}": ("L4", 1) for v in (4, 8, 12, 16, 32)},
    "g2-standard-24": ("L4", 2),
    "g2-standard-48": ("L4", 4),
    "g2-standard-96": ("L4", 8),
    "n1-highmem-8": ("", 0),  # N1 hosts take attachable T4/V100/P100/P4; no GPU of their own
}

TPU_IDS = {"TPU v2": "tpu-v2", "TPU v3": "tpu-v3", "TPU v4": "tpu-v4", "TPU v5e": "tpu-v5e", "TPU v5p": "tpu-v5p",
           "TPU v6e": "tpu-v6e"}

AWS_ZONE_ID = re.compile(r"^[a-z]+[0-9]-az[0-9]+$")


def fail(message: str) -> None:
    sys.stderr.write(f"generate-catalog: error: {message}\n")
    sys.exit(2)


def read_csv(directory: str, name: str) -> list[dict[str, str]]:
    path = os.path.join(directory, name)
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    except OSError as error:
        fail(f"cannot read {path}: {error.strerror}")
    return []


def sha256(directory: str, name: str) -> str:
    with open(os.path.join(directory, name), "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def dec(text: str) -> Decimal | None:
    text = (text or "").strip()
    return Decimal(text) if text else None


def fmt(value: Decimal | None) -> str:
    """Plain decimal text without exponent or trailing zeros; empty for None."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def med(values: list[Decimal]) -> Decimal | None:
    return median(sorted(values)) if values else None


def model_id(name: str, where: str) -> str:
    if name not in MODEL_IDS:
        fail(f"unknown accelerator name '{name}' in {where}: add it to MODEL_IDS")
    return MODEL_IDS[name]


# ---------------------------------------------------------------------------------------------
# AWS and Azure whole-instance rows

def aws_instances(directory: str, notes: list[str]) -> list[list[str]]:
    groups: dict[tuple[str, str], dict] = {}
    local_zone_rows = 0
    for row in read_csv(directory, "aws_gpu_vms.csv"):
        if not AWS_ZONE_ID.match(row["availability_zone"]):
            local_zone_rows += 1
            continue
        key = (row["region"], row["instance_type"])
        group = groups.setdefault(key, dict(row=row, od=[], spot=[], zones=0, capped=0))
        group["zones"] += 1
        od, spot = dec(row["price_usd_hr"]), dec(row["spot_price_usd_hr"])
        if od is not None:
            group["od"].append(od)
        if spot is not None:
            group["spot"].append(spot)
    notes.append(f"aws_gpu_vms.csv: {local_zone_rows} Local Zone rows (usw2-lax1-*, use1-atl2-*) left out of the "
                 "region medians")
    karpenter = {row["instance_type"]: row for row in read_csv(directory, "aws_gpu_ondemand_us_east_1.csv")}
    filled = []
    for name, row in sorted(karpenter.items()):
        key = ("us-east-1", name)
        if key in groups:
            catalog = med(groups[key]["od"])
            if catalog is not None and catalog != dec(row["price_usd_hr"]):
                notes.append(f"{name} us-east-1 on-demand differs: skypilot {fmt(catalog)}, karpenter "
                             f"{fmt(dec(row['price_usd_hr']))} (skypilot kept)")
            continue
        groups[key] = dict(row=row, od=[dec(row["price_usd_hr"])], spot=[], zones=0, karpenter=True)
        filled.append(name)
    notes.append("aws us-east-1 on-demand from karpenter only (no SkyPilot row; no spot price): " + ", ".join(filled))
    capped = sorted(f"{name} {region}" for (region, name), g in groups.items()
                    if g["od"] and g["spot"] and med(g["spot"]) >= med(g["od"]))
    notes.append(f"aws: {len(capped)} region rows where spot >= on-demand (capped at on-demand or 4-decimal "
                 "rounding; kept, the catalog notes them)")
    rows = []
    for (region, name), group in sorted(groups.items()):
        row = group["row"]
        flags = ["karpenter"] if group.get("karpenter") else []
        rows.append(["aws", region, name, model_id(row["accelerator_name"], f"aws {name}"),
                     fmt(dec(row["accelerator_count"])), fmt(dec(row["vcpus"])), fmt(dec(row["memory_gib"])),
                     fmt(med(group["od"])), fmt(med(group["spot"])), str(group["zones"]), ";".join(flags)])
    return rows


def azure_instances(directory: str, notes: list[str]) -> list[list[str]]:
    rows, promo, dropped, corrected = [], set(), set(), set()
    for row in read_csv(directory, "azure_gpu_vms.csv"):
        name = row["instance_type"]
        if name.endswith("_Promo"):
            promo.add(name)
            continue
        accelerator, count, flags = row["accelerator_name"], row["accelerator_count"], []
        if name in AZURE_CORRECTIONS:
            accelerator, count, _ = AZURE_CORRECTIONS[name]
            flags.append("count-from=" + (fmt(dec(row["accelerator_count"])) or "none"))
            corrected.add(name)
        if not accelerator or not count:
            dropped.add(name)
            continue
        model = model_id(accelerator, f"azure {name}")
        if model == "h100-80gb" and AZURE_H100_NVL.match(name):
            model = "h100-nvl"
        rows.append(["azure", row["region"], name, model, fmt(dec(count)), fmt(dec(row["vcpus"])),
                     fmt(dec(row["memory_gib"])), fmt(dec(row["price_usd_hr"])), fmt(dec(row["spot_price_usd_hr"])),
                     "0", ";".join(flags)])
    notes.append("azure: retired promotional SKUs dropped: " + ", ".join(sorted(promo)))
    notes.append("azure: rows without an accelerator name/count dropped (count unknown): " + ", ".join(sorted(dropped)))
    for name in sorted(corrected):
        notes.append(f"azure: {name}: {AZURE_CORRECTIONS[name][2]}")
    notes.append("azure: NC H100 v5 / NCC H100 v5 mapped to h100-nvl (H100 NVL 94 GB), ND H100 v5 to h100-80gb")
    rows.sort(key=lambda r: (r[1], r[2]))
    return rows


# ---------------------------------------------------------------------------------------------
# GCP

def gcp_hosts(directory: str, notes: list[str]) -> list[list[str]]:
    groups: dict[tuple[str, str], dict] = {}
    for row in read_csv(directory, "gcp_gpu_host_vms.csv"):
        name = row["instance_type"]
        if name not in GCP_SHAPES:
            fail(f"gcp host '{name}' has no entry in GCP_SHAPES")
        group = groups.setdefault((row["region"], name), dict(row=row, od=[], spot=[], zones=0))
        group["zones"] += 1
        for key, column in (("od", "price_usd_hr"), ("spot", "spot_price_usd_hr")):
            value = dec(row[column])
            if value is not None:
                group[key].append(value)
    spread = sorted({f"{name} {region}" for (region, name), g in groups.items() if len(set(g["od"])) > 1})
    if spread:
        notes.append("gcp hosts with different zone prices in one region (median used): " + ", ".join(spread))
    return [[region, name, fmt(dec(g["row"]["vcpus"])), fmt(dec(g["row"]["memory_gib"])), fmt(med(g["od"])),
             fmt(med(g["spot"])), str(g["zones"])] for (region, name), g in sorted(groups.items())]


def gcp_accelerators(directory: str, notes: list[str]) -> tuple[list[list[str]], list[list[str]]]:
    groups: dict[tuple[str, str, str], dict] = {}
    tpu_slices: dict[str, dict] = {}
    for row in read_csv(directory, "gcp_accelerators.csv"):
        name = row["accelerator_name"]
        slice_match = re.match(r"^tpu-(v[0-9a-z]+)-([0-9]+)$", name)
        if slice_match:
            chips = Decimal(slice_match.group(2))
            generation = "tpu-" + slice_match.group(1)
            entry = tpu_slices.setdefault(row["region"], {}).setdefault(
                (generation, chips), dict(od=[], spot=[], name=name))
            for key, column in (("od", "price_usd_hr"), ("spot", "spot_price_usd_hr")):
                value = dec(row[column])
                if value is not None:
                    entry[key].append(value / chips)
            continue
        key = (row["region"], name, row["accelerator_count"])
        group = groups.setdefault(key, dict(od=[], spot=[], zones=0, model=model_id(name, "gcp accelerators")))
        group["zones"] += 1
        for part, column in (("od", "price_usd_hr"), ("spot", "spot_price_usd_hr")):
            value = dec(row[column])
            if value is not None:
                group[part].append(value)
    above = sum(1 for g in groups.values() if g["od"] and g["spot"] and med(g["spot"]) >= med(g["od"]))
    notes.append(f"gcp accelerators: {above} region rows where spot >= on-demand (kept; the catalog notes them)")
    rows = [[region, name, g["model"], count, fmt(med(g["od"])), fmt(med(g["spot"])), str(g["zones"])]
            for (region, name, count), g in sorted(groups.items(), key=lambda item: (item[0][0], item[0][1],
                                                                                     int(item[0][2])))]
    slices = []
    for region, entries in sorted(tpu_slices.items()):
        for generation in sorted({g for g, _ in entries}):
            chips, entry = min(((c, e) for (g, c), e in entries.items() if g == generation), key=lambda ce: ce[0])
            slices.append([region, generation, fmt(med(entry["od"])), fmt(med(entry["spot"])),
                           f"skypilot {entry['name']}"])
    return rows, slices


def tpus(directory: str, slice_rows: list[list[str]], notes: list[str]) -> list[list[str]]:
    per_chip: dict[tuple[str, str], list] = {}
    seen, duplicates = set(), 0
    for row in read_csv(directory, "gcp_tpu_per_chip.csv"):
        signature = tuple(row.values())
        if signature in seen:
            duplicates += 1
            continue
        seen.add(signature)
        generation = row["tpu_generation"]
        kind = "pod" if generation.endswith(" pod") else "device" if generation.endswith(" device") else ""
        base = generation.removesuffix(" pod").removesuffix(" device")
        if base not in TPU_IDS:
            fail(f"unknown TPU generation '{generation}' in gcp_tpu_per_chip.csv")
        per_chip.setdefault((row["region"], TPU_IDS[base]), []).append((kind, row))
    notes.append(f"gcp_tpu_per_chip.csv: {duplicates} verbatim duplicate rows removed")
    out = {(r[0], r[1]): r for r in slice_rows}
    for (region, model), candidates in sorted(per_chip.items()):
        if (region, model) in out:
            continue  # the SkyPilot slice rows are the newer source
        # A single-host "device" price when there is one (the smallest configuration), else the pod price.
        kind, row = sorted(candidates, key=lambda kr: (kr[0] != "device", kr[0]))[0]
        out[(region, model)] = [region, model, fmt(dec(row["on_demand_usd_per_chip_hr"])),
                                fmt(dec(row["spot_usd_per_chip_hr"])),
                                f"gpuhunt {row['tpu_generation']}"]
    return [out[key] for key in sorted(out)]


# ---------------------------------------------------------------------------------------------
# AWS Spot Instance Advisor

def spot_advisor(directory: str, notes: list[str]) -> list[list[str]]:
    rows, windows = [], 0
    for row in read_csv(directory, "aws_spot_advisor_gpu.csv"):
        if row["os"] != "Linux":
            windows += 1
            continue
        rows.append([row["region"], row["instance_type"], row["interruption_band_index"],
                     row["savings_over_on_demand_pct"]])
    notes.append(f"aws_spot_advisor_gpu.csv: {windows} Windows rows dropped (Linux bands only)")
    return sorted(rows)


# ---------------------------------------------------------------------------------------------
# Output

def table(name: str, doc: str, header: list[str], rows: list[list[str]], separator: str = ",") -> str:
    for row in rows:
        for cell in row:
            if separator in cell or "\\" in cell or '"""' in cell or "\n" in cell:
                fail(f"table {name}: cell {cell!r} cannot be embedded")
    lines = [separator.join(header)] + [separator.join(row) for row in rows]
    body = "\n".join("    " + line for line in lines)
    return f"    /// {doc}\n    static let {name} = \"\"\"\n{body}\n    \"\"\"\n"


def render(directory: str) -> str:
    readme = os.path.join(directory, "README.md")
    if os.path.exists(readme):
        with open(readme, encoding="utf-8") as handle:
            text = handle.read()
        for source in SOURCES:
            if source["commit"] not in text:
                fail(f"commit {source['commit']} of {source['file']} is not in {readme}: update SOURCES")
    notes: list[str] = []
    instances = aws_instances(directory, notes) + azure_instances(directory, notes)
    hosts = gcp_hosts(directory, notes)
    accelerators, slices = gcp_accelerators(directory, notes)
    tpu_rows = tpus(directory, slices, notes)
    advisor = spot_advisor(directory, notes)
    shapes = [[name, accelerator, str(count)] for name, (accelerator, count) in sorted(GCP_SHAPES.items())
              if any(row[1] == name for row in hosts)]

    source_rows = []
    header_lines = []
    for source in SOURCES:
        digest = sha256(directory, source["file"])
        rows = len(read_csv(directory, source["file"]))
        source_rows.append([source["id"], source["file"], source["repository"], source["path"], source["commit"],
                            source["date"], source["date_note"], source["licence"], str(rows)])
        header_lines.append(f"//   {source['file']} ({rows} rows, sha256 {digest[:16]})\n"
                            f"//     {source['repository']} {source['path']} @ {source['commit']}\n"
                            f"//     date: {source['date'] or 'unknown'} ({source['date_note']})")

    out = []
    out.append("// This file is generated by scripts/generate-catalog.py. Do not edit it by hand.\n")
    out.append("//\n// Regenerate from the repository root (shared/data/pricing beside the repository):\n")
    out.append(f"//     {COMMAND}\n")
    out.append("// Check that it is current:\n")
    out.append(f"//     {COMMAND} --check\n//\n")
    out.append("// Sources (files in shared/data/pricing; their README.md describes them):\n")
    out.append("\n".join(header_lines) + "\n")
    out.append("//   CPU and memory rates are not from these files: see ResourceRates.swift (OpenCost defaults).\n")
    out.append("//\n// Aggregation: AWS instance prices are medians over availability-zone rows per region;\n")
    out.append("// GCP host and accelerator rows are medians over zones per region; TPU prices are per chip.\n")
    out.append("// Data-quality handling applied here (the rest is applied when the tables are parsed):\n")
    for note in notes:
        out.append(f"//   - {note}\n")
    out.append("\n// swiftlint:disable file_length line_length\n")
    out.append("extension BuiltinCatalog {\n")
    out.append(table("sourcesTable", "The sources above, one per line (`|`-separated).",
                     ["id", "file", "repository", "path", "commit", "date", "dateNote", "licence", "rows"],
                     source_rows, separator="|"))
    out.append("\n")
    out.append(table("instancesTable",
                     "AWS and Azure instance types: whole-instance USD/h per region (AWS: median over zones; "
                     "empty = not offered).",
                     ["provider", "region", "instance", "model", "accelerators", "vcpus", "memoryGiB", "onDemand",
                      "spot", "zones", "flags"], instances))
    out.append("\n")
    out.append(table("gcpHostsTable", "GCP host VMs (GPUs excluded): USD/h per region, median over zones.",
                     ["region", "instance", "vcpus", "memoryGiB", "onDemand", "spot", "zones"], hosts))
    out.append("\n")
    out.append(table("gcpAcceleratorsTable",
                     "GCP accelerator-attach rows: USD/h for `count` accelerators per region, median over zones.",
                     ["region", "accelerator", "model", "count", "onDemand", "spot", "zones"], accelerators))
    out.append("\n")
    out.append(table("gcpShapesTable", "GCP host shape -> attached accelerator row and count (empty: none).",
                     ["instance", "accelerator", "count"], shapes))
    out.append("\n")
    out.append(table("tpuTable", "GCP TPU prices per chip-hour by region, and where each comes from.",
                     ["region", "model", "onDemand", "spot", "source"], tpu_rows))
    out.append("\n")
    out.append(table("spotAdvisorTable",
                     "AWS Spot Instance Advisor, Linux: band index 0-4 (<5%, 5-10%, 10-15%, 15-20%, >20%) and "
                     "savings over on-demand in percent.",
                     ["region", "instance", "band", "savings"], advisor))
    out.append("}\n")
    return "".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description="Generate BuiltinCatalog+Data.swift from the pricing CSVs.")
    parser.add_argument("pricing_dir", nargs="?", default=DEFAULT_PRICING_DIR,
                        help="folder with the pricing CSVs (default: ../shared/data/pricing from the repo root)")
    parser.add_argument("--output", default=DEFAULT_OUTPUT, help="file to write (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="compare with --output instead of writing")
    arguments = parser.parse_args()
    if not os.path.isdir(arguments.pricing_dir):
        fail(f"no pricing folder at {arguments.pricing_dir}")
    text = render(arguments.pricing_dir)
    if arguments.check:
        try:
            with open(arguments.output, encoding="utf-8") as handle:
                current = handle.read()
        except OSError:
            current = None
        if current != text:
            sys.stderr.write(f"generate-catalog: {arguments.output} is stale; run: {COMMAND}\n")
            sys.exit(1)
        return
    with open(arguments.output, "w", encoding="utf-8") as handle:
        handle.write(text)


if __name__ == "__main__":
    main()
