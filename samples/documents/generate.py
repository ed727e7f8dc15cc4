#!/usr/bin/env python3
"""Writes the demo's invented experience sheets (fiches de capitalisation) as small real PDF and DOCX files, each with
the metadata JSON the demo sends with it. Standard library only; run it again after editing SHEETS.
Everything here is invented: teams, places and people do not exist."""
import json, os, zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

SHEETS = [
    {
        "file": "trois-rivieres-souffle-libre.pdf",
        "metadata": {
            "title": "Atelier « Souffle libre » : accompagner l'arrêt du tabac en MSP",
            "kind": "fiche-capitalisation",
            "structure": "MSP des Trois-Rivières",
            "themes": ["addictions"],
            "year": 2025,
            "department": "29",
            "summary": "Six séances collectives animées par une infirmière et une pharmacienne, avec substituts nicotiniques prescrits sur place.",
            "context": "Patientèle rurale, forte prévalence du tabagisme, peu d'offre de sevrage à moins de 40 km.",
            "story": "Appel à projets CPAM reçu en juin, dépôt en trois semaines, premier groupe en octobre pendant le Mois sans tabac.",
            "obstacles": "Temps de coordination non financé ; difficulté à recruter des patients actifs en journée.",
            "levers": "Séances en fin de journée ; binôme infirmière-pharmacienne ; relais par les médecins lors des consultations.",
            "transferability": "Reproductible dans toute MSP disposant d'une salle de réunion et d'un professionnel formé au sevrage tabagique.",
        },
    },
    {
        "file": "broceliande-reperage-alcool.docx",
        "metadata": {
            "title": "Repérage précoce de la consommation d'alcool chez les jeunes adultes",
            "kind": "fiche-capitalisation",
            "structure": "MSP de la Forêt de Brocéliande",
            "themes": ["addictions", "sante-mentale"],
            "year": 2023,
            "department": "35",
            "summary": "Questionnaire AUDIT-C proposé à l'accueil aux 18-25 ans, puis intervention brève par le médecin traitant.",
            "context": "Plusieurs passages aux urgences de jeunes du territoire pour alcoolisation aiguë.",
            "obstacles": "Gêne des jeunes à remplir le questionnaire en salle d'attente.",
            "levers": "Questionnaire en ligne avant la consultation ; partenariat avec le CSAPA voisin.",
        },
    },
    {
        "file": "cote-emeraude-marche-sante.pdf",
        "metadata": {
            "title": "Marche santé du mardi : activité physique adaptée pour les patients diabétiques",
            "kind": "fiche-capitalisation",
            "structure": "ESP de la Côte d'Émeraude",
            "themes": ["nutrition-activite-physique", "maladies-chroniques"],
            "year": 2025,
            "department": "22",
            "summary": "Une marche hebdomadaire encadrée par un enseignant en activité physique adaptée, ouverte aux patients diabétiques de type 2.",
            "context": "Patients diabétiques sédentaires, peu d'équipements sportifs accessibles.",
            "story": "Lancement avec la commune, qui prête un local ; douze participants réguliers après trois mois.",
            "obstacles": "Météo bretonne en hiver ; transport des patients sans voiture.",
            "levers": "Circuit court au départ de la maison de santé ; covoiturage organisé entre participants.",
            "transferability": "Facile à reproduire avec un enseignant APA et un soutien de la commune.",
        },
    },
    {
        "file": "val-oust-jeunes-parents.docx",
        "metadata": {
            "title": "Consultations partagées sage-femme et médecin pour les jeunes parents",
            "kind": "fiche-capitalisation",
            "structure": "MSP du Val d'Oust",
            "themes": ["perinatalite"],
            "year": 2024,
            "department": "56",
            "summary": "Une consultation à deux voix au premier mois de l'enfant, pour repérer l'épuisement parental et la dépression du post-partum.",
            "context": "Maternité éloignée, sorties précoces, parents isolés.",
            "story": "Créneau mensuel commun sage-femme et médecin ; fiche de liaison partagée dans le logiciel de la MSP.",
            "obstacles": "Rémunération de la consultation commune.",
            "levers": "Financement ACI des réunions de concertation ; protocole pluriprofessionnel validé par l'équipe.",
            "transferability": "Adapté aux MSP comptant une sage-femme libérale.",
        },
    },
]

SECTIONS = [("Contexte", "context"), ("Déroulé", "story"), ("Freins", "obstacles"), ("Leviers", "levers"), ("Transférabilité", "transferability")]


def lines_of(meta):
    lines = ["Fiche de capitalisation (exemple inventé)", meta["title"], f"{meta['structure']} - {meta['year']}", "", meta["summary"], ""]
    for label, key in SECTIONS:
        if meta.get(key):
            lines += [label, meta[key], ""]
    return lines


def wrap(text, width=95):
    out, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    out.append(line)
    return out


def pdf(meta):
    """One page, Helvetica in WinAnsiEncoding (so French accents show), cross-reference table with exact offsets."""
    def literal(text):
        text = text.replace("«", '"').replace("»", '"').replace("'", "'")
        raw = text.encode("cp1252", errors="replace")
        return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    body = [b"BT /F1 11 Tf 50 800 Td 14 TL"]
    for line in lines_of(meta):
        for part in (wrap(line) if line else [""]):
            body.append(b"(" + literal(part) + b") '")
    body.append(b"ET")
    stream = b"\n".join(body)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def docx(meta, path):
    """The three parts Word needs: content types, the package relationship, the main document."""
    paragraphs = "".join(
        f'<w:p><w:r>{"<w:rPr><w:b/></w:rPr>" if i < 2 or line in [s[0] for s in SECTIONS] else ""}<w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
        for i, line in enumerate(lines_of(meta)))
    # Fixed timestamps so regenerating gives the same bytes (the library refuses duplicates by SHA-256).
    stamp = (2026, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        def add(name, text):
            z.writestr(zipfile.ZipInfo(name, stamp), text)
        add("[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '</Types>')
        add("_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
        add("word/document.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            + paragraphs + '</w:body></w:document>')


for sheet in SHEETS:
    target = os.path.join(HERE, sheet["file"])
    if target.endswith(".pdf"):
        with open(target, "wb") as f:
            f.write(pdf(sheet["metadata"]))
    else:
        docx(sheet["metadata"], target)
    with open(target + ".json", "w", encoding="utf-8") as f:
        json.dump(sheet["metadata"], f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(target)
