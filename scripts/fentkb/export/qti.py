"""A QTI 1.2 package as Canvas imports it: imsmanifest.xml, and per quiz an assessment file and
assessment_meta.xml. One quiz per topic, so an instructor can import the parts a course needs.
The XML is built with ElementTree, which escapes every character of the text it is given."""

from __future__ import annotations

import html
import io
import xml.etree.ElementTree as ET
import zipfile

from ..quiz.item import TOPICS, Item, topics_in
from .common import TITLE, Report, general_feedback, supported

TYPES = {"single": "", "multiple": "", "truefalse": "", "matching": ""}
CANVAS_TYPE = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
               "truefalse": "true_false_question", "matching": "matching_question"}
QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
META_NS = "http://canvas.instructure.com/xsd/cccv1p0"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)  # zip entry dates fixed, so the same bank gives the same bytes


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def material(parent: ET.Element, text: str) -> None:
    # mattext is HTML for Canvas: escape once for HTML here; ElementTree escapes again for XML
    sub(sub(parent, "material"), "mattext", html.escape(" ".join(text.split())), texttype="text/html")


def plain(parent: ET.Element, text: str) -> None:
    """Plain-text material, as Canvas's own exporter writes a matching question's prompts and choices: its
    importer reads them as text and does not unescape HTML there, so escaped quotes would show as &#x27;."""
    sub(sub(parent, "material"), "mattext", " ".join(text.split()), texttype="text/plain")


def meta(parent: ET.Element, fields: dict[str, str]) -> None:
    box = sub(sub(parent, "itemmetadata"), "qtimetadata")
    for label, entry in fields.items():
        field = sub(box, "qtimetadatafield")
        sub(field, "fieldlabel", label)
        sub(field, "fieldentry", entry)


def feedback(item_el: ET.Element, ident: str, text: str) -> None:
    material(sub(sub(item_el, "itemfeedback", ident=ident), "flow_mat"), text)


def condition(proc: ET.Element, respident: str, value: str, fb: str | None = None, score: str | None = None,
              action: str = "Set") -> None:
    cond = sub(proc, "respcondition", **{"continue": "No" if score and action == "Set" else "Yes"})
    sub(sub(cond, "conditionvar"), "varequal", value, respident=respident)
    if score:
        sub(cond, "setvar", score, action=action, varname="SCORE")
    if fb:
        sub(cond, "displayfeedback", feedbacktype="Response", linkrefid=fb)


def choice_item(el: ET.Element, item: Item) -> None:
    pres = sub(el, "presentation")
    material(pres, item.stem)
    lid = sub(pres, "response_lid", ident="response1", rcardinality="Multiple" if item.type == "multiple" else "Single")
    choices = sub(lid, "render_choice")
    for i, o in enumerate(item.options):
        material(sub(choices, "response_label", ident=f"c{i}"), o.text)
    proc = sub(el, "resprocessing")
    outcomes = sub(proc, "outcomes")
    sub(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    general = sub(proc, "respcondition", **{"continue": "Yes"})
    sub(sub(general, "conditionvar"), "other")
    sub(general, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    for i in range(len(item.options)):
        condition(proc, "response1", f"c{i}", fb=f"c{i}_fb")
    if item.type == "multiple":
        cond = sub(proc, "respcondition", **{"continue": "No"})
        both = sub(sub(cond, "conditionvar"), "and")
        for i, o in enumerate(item.options):
            target = both if o.correct else sub(both, "not")
            sub(target, "varequal", f"c{i}", respident="response1")
        sub(cond, "setvar", "100", action="Set", varname="SCORE")
    else:
        condition(proc, "response1", f"c{item.keys[0]}", score="100")
    feedback(el, "general_fb", general_feedback(item))
    for i, o in enumerate(item.options):
        feedback(el, f"c{i}_fb", o.feedback)


def matching_item(el: ET.Element, item: Item) -> None:
    pres = sub(el, "presentation")
    material(pres, item.stem)
    for i, (prompt, _) in enumerate(item.pairs):
        lid = sub(pres, "response_lid", ident=f"response_{i}")
        plain(lid, prompt)
        choices = sub(lid, "render_choice")
        for j, answer in enumerate([a for _, a in item.pairs] + item.extra):  # surplus answers fit no prompt
            plain(sub(choices, "response_label", ident=f"m{j}"), answer)
    proc = sub(el, "resprocessing")
    sub(sub(proc, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    general = sub(proc, "respcondition", **{"continue": "Yes"})
    sub(sub(general, "conditionvar"), "other")
    sub(general, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    share = f"{100 / len(item.pairs):.2f}"
    for i in range(len(item.pairs)):
        condition(proc, f"response_{i}", f"m{i}", score=share, action="Add")
    feedback(el, "general_fb", general_feedback(item))


def assessment(ident: str, title: str, items: list[Item]) -> bytes:
    root = ET.Element("questestinterop", xmlns=QTI_NS)
    test = sub(root, "assessment", ident=ident, title=title)
    section = sub(test, "section", ident="root_section")
    for item in items:
        el = sub(section, "item", ident=item.id, title=item.id)
        meta(el, {"question_type": CANVAS_TYPE[item.type], "points_possible": "1",
                  "original_answer_ids": ",".join(f"c{i}" for i in range(len(item.options)))})
        (matching_item if item.type == "matching" else choice_item)(el, item)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def assessment_meta(ident: str, title: str, count: int) -> bytes:
    root = ET.Element("quiz", identifier=ident, xmlns=META_NS)
    for tag, text in (("title", title), ("description", f"{count} questions from the module's question bank."),
                      ("shuffle_answers", "false"), ("scoring_policy", "keep_highest"), ("hide_results", ""),
                      ("quiz_type", "practice_quiz"), ("points_possible", str(count)),
                      ("show_correct_answers", "true"), ("allowed_attempts", "-1")):
        sub(root, tag, text)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def manifest(idents: list[str]) -> bytes:
    root = ET.Element("manifest", identifier="fentkb_manifest", xmlns=CP_NS)
    md = sub(root, "metadata")
    sub(md, "schema", "IMS Content")
    sub(md, "schemaversion", "1.1.3")
    sub(root, "organizations")
    resources = sub(root, "resources")
    for ident in idents:
        res = sub(resources, "resource", identifier=ident, type="imsqti_xmlv1p2")
        sub(res, "file", href=f"{ident}/{ident}.xml")
        sub(res, "dependency", identifierref=f"{ident}_meta")
        meta_res = sub(resources, "resource", identifier=f"{ident}_meta",
                       type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
                       href=f"{ident}/assessment_meta.xml")
        sub(meta_res, "file", href=f"{ident}/assessment_meta.xml")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def export(items: list[Item]) -> tuple[bytes, Report]:
    report = Report("QTI 1.2 for Canvas", "questions.canvas-qti.zip")
    kept = supported(items, TYPES, report)
    buffer = io.BytesIO()
    idents = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        def put(name: str, data: bytes) -> None:
            zf.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, zipfile.ZIP_DEFLATED)

        for topic in topics_in(kept):
            title = TOPICS.get(topic, topic)
            group = [i for i in kept if i.topic == topic]
            if not group:
                continue
            ident = f"fentkb_{topic.replace('-', '_')}"
            idents.append(ident)
            quiz_title = f"{TITLE}: {title}"
            put(f"{ident}/{ident}.xml", assessment(ident, quiz_title, group))
            put(f"{ident}/assessment_meta.xml", assessment_meta(ident, quiz_title, len(group)))
        put("imsmanifest.xml", manifest(idents))
    return buffer.getvalue(), report
