"""SCORM 1.2 packages: one per quiz topic and one mixed test. Each is a single SCO whose launch page runs the
quiz inside the package, offline, and reports to the LMS through the SCORM 1.2 API (scorm_player.js): score,
passed/failed against the mastery score, every answer as an interaction, and the attempt in suspend_data.

The zips are deterministic (fixed dates and modes, sorted entries), so the same bank gives the same bytes."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from ..quiz.forms import make_form
from ..quiz.item import TOPICS, Item, topics_in
from .common import TITLE, Report
from .scorm_page import launch_page

DEFAULT_MASTERY = 70  # percent: a common pass mark; instructors set their own with --mastery
MIXED_SEED = 1
MIXED_COUNT = 30  # the mixed test: drawn like `python -m fentkb quiz --seed 1 --count 30`
MAX_OPTIONS = 10  # suspend_data keeps one digit per chosen option, and responses one letter (a-j)
MAX_PROMPTS = 9  # a matching response names each prompt by one digit (1-9)
FIXED_TIME = (2024, 1, 1, 0, 0, 0)
HERE = Path(__file__).parent
PLAYER = {"player.js": HERE / "scorm_player.js", "player.css": HERE / "scorm_player.css"}

CP_NS = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP_NS = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATIONS = (f"{CP_NS} imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 "
                    f"imsmd_rootv1p2p1.xsd {ADLCP_NS} adlcp_rootv1p2.xsd")
ET.register_namespace("", CP_NS)
ET.register_namespace("adlcp", ADLCP_NS)
ET.register_namespace("xsi", XSI_NS)


def file_name(name: str) -> str:
    return f"scorm-{name}.zip"


FILES = [file_name("mixed")] + [file_name(t) for t in TOPICS]  # the Downloads page's rows, in this order


def why_not(item: Item) -> str | None:
    """Why a question cannot go into a package, or None when it can."""
    if len(item.options) > MAX_OPTIONS or len(item.pairs) + len(item.extra) > MAX_OPTIONS:
        return f"SCORM 1.2 responses name an answer by one letter: at most {MAX_OPTIONS} options or answers"
    if len(item.pairs) > MAX_PROMPTS:
        return f"SCORM 1.2 matching responses name a prompt by one digit: at most {MAX_PROMPTS} prompts"
    if not item.id.isascii() or len(item.id) > 255:
        return "SCORM 1.2 interaction ids are at most 255 ASCII characters: shorten the question id"
    return None


def manifest(ident: str, title: str, mastery: int, files: list[str]) -> bytes:
    root = ET.Element(f"{{{CP_NS}}}manifest", {"identifier": ident, "version": "1.0",
                                                 f"{{{XSI_NS}}}schemaLocation": SCHEMA_LOCATIONS})
    meta = ET.SubElement(root, f"{{{CP_NS}}}metadata")
    ET.SubElement(meta, f"{{{CP_NS}}}schema").text = "ADL SCORM"
    ET.SubElement(meta, f"{{{CP_NS}}}schemaversion").text = "1.2"
    orgs = ET.SubElement(root, f"{{{CP_NS}}}organizations", default=f"{ident}_org")
    org = ET.SubElement(orgs, f"{{{CP_NS}}}organization", identifier=f"{ident}_org")
    ET.SubElement(org, f"{{{CP_NS}}}title").text = title
    item = ET.SubElement(org, f"{{{CP_NS}}}item", identifier=f"{ident}_item", identifierref=f"{ident}_sco",
                         isvisible="true")
    ET.SubElement(item, f"{{{CP_NS}}}title").text = title
    ET.SubElement(item, f"{{{ADLCP_NS}}}masteryscore").text = str(mastery)
    resources = ET.SubElement(root, f"{{{CP_NS}}}resources")
    sco = ET.SubElement(resources, f"{{{CP_NS}}}resource", {"identifier": f"{ident}_sco", "type": "webcontent",
                                                             f"{{{ADLCP_NS}}}scormtype": "sco", "href": "index.html"})
    for name in files:
        ET.SubElement(sco, f"{{{CP_NS}}}file", href=name)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[name], zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def package(ident: str, title: str, items: list[Item], mastery: int) -> bytes:
    files = {"index.html": launch_page(title, items, mastery).encode("utf-8"),
             **{name: path.read_bytes() for name, path in PLAYER.items()}}
    files["imsmanifest.xml"] = manifest(ident, title, mastery, sorted(files))
    return zip_bytes(files)


def check_mastery(mastery: int) -> int:
    if not 0 <= mastery <= 100:
        raise ValueError(f"the mastery score is a percentage from 0 to 100, not {mastery}")
    return mastery


def packages(items: list[Item], mastery: int = DEFAULT_MASTERY, mixed_seed: int = MIXED_SEED,
             mixed_count: int = MIXED_COUNT) -> list[tuple[bytes, Report]]:
    """A package per topic, then the mixed test; each with its report of the questions left out."""
    check_mastery(mastery)
    left_out = {i.id: why for i in items if (why := why_not(i))}
    kept = [i for i in items if i.id not in left_out]
    groups = [(t, TOPICS.get(t, t), [i for i in kept if i.topic == t]) for t in topics_in(kept)]
    groups.append(("mixed", f"Mixed test of {mixed_count} questions", make_form(kept, mixed_seed, mixed_count)))
    out = []
    for name, title, group in groups:
        if not group:
            continue
        report = Report(f"SCORM 1.2, {title}", file_name(name), exported=len(group))
        if name != "mixed":
            report.left_out = [(i.id, left_out[i.id]) for i in items if i.topic == name and i.id in left_out]
        ident = f"fentkb_scorm_{name.replace('-', '_')}"
        out.append((package(ident, f"Quiz: {title}. {TITLE}", group, mastery), report))
    return out
