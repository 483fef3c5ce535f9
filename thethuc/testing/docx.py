"""Write a minimal but complete .docx from raw XML snippets (the parts Word writes).

Every part is given as the inner XML of its root element; namespaces are declared here once.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import field
from pathlib import Path

from thethuc.records import dataclass

NS_DECL = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'mc:Ignorable="w14 wp14"'
)

A4_SECT = (
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" '
    'w:footer="567" w:gutter="0"/></w:sectPr>'
)

DEFAULT_STYLES = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" '
    'w:eastAsiaTheme="minorHAnsi" w:cstheme="minorBidi"/><w:sz w:val="22"/><w:szCs w:val="22"/>'
    '<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
    '</w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
    '</w:tblCellMar></w:tblPr></w:style>'
)


def theme_xml(minor_latin: str = "Times New Roman", major_latin: str = "Times New Roman") -> str:
    """A theme part whose font scheme names the given Latin typefaces."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme">'
        '<a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
        '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2>'
        '<a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1>'
        '<a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3>'
        '<a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5>'
        '<a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink>'
        '<a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme>'
        f'<a:fontScheme name="Office"><a:majorFont><a:latin typeface="{major_latin}"/><a:ea typeface=""/>'
        f'<a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="{minor_latin}"/><a:ea typeface=""/>'
        '<a:cs typeface="Arial"/></a:minorFont></a:fontScheme>'
        '<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
        '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
        '</a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>'
        '<a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>'
        '<a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>'
        '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>'
        '<a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill>'
        '<a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
        '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme>'
        '</a:themeElements></a:theme>'
    )


@dataclass
class DocxParts:
    """The parts of a .docx, each as the inner XML of its root element.

    ``body`` goes inside ``w:body`` (end it with a sectPr, or ``A4_SECT`` is appended);
    ``headers``/``footers`` map a part name ("header1") to the inner XML of ``w:hdr``/``w:ftr``
    and get relationship ids ``rIdheader1`` … to reference from a sectPr.
    """

    body: str
    styles: str | None = DEFAULT_STYLES  # None: no styles part at all
    theme: str | None = field(default_factory=theme_xml)
    settings: str = '<w:defaultTabStop w:val="720"/>'
    numbering: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    footers: dict[str, str] = field(default_factory=dict)
    comments: str | None = None
    application: str | None = "Microsoft Office Word"
    pages: int | None = None
    extra_parts: dict[str, bytes] = field(default_factory=dict)  # raw members, written last


def _xml(root: str, inner: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{root} {NS_DECL}>{inner}</{root}>'


_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _optional_parts(parts: DocxParts) -> list[tuple[str, str, str, str]]:
    """(relationship id, target below word/, content type, relationship type) of each part present."""
    found = [("rIdSettings", "settings.xml", f"{_WML}.settings+xml", "settings")]
    for value, rid, target, ctype, rtype in (
            (parts.styles, "rIdStyles", "styles.xml", f"{_WML}.styles+xml", "styles"),
            (parts.theme, "rIdTheme", "theme/theme1.xml",
             "application/vnd.openxmlformats-officedocument.theme+xml", "theme"),
            (parts.numbering, "rIdNumbering", "numbering.xml", f"{_WML}.numbering+xml", "numbering"),
            (parts.comments, "rIdComments", "comments.xml", f"{_WML}.comments+xml", "comments")):
        if value is not None:
            found.append((rid, target, ctype, rtype))
    found += [(f"rId{name}", f"{name}.xml", f"{_WML}.header+xml", "header") for name in parts.headers]
    found += [(f"rId{name}", f"{name}.xml", f"{_WML}.footer+xml", "footer") for name in parts.footers]
    return found


def _content_types(parts: DocxParts) -> str:
    over = [f'<Override PartName="/word/{target}" ContentType="{ctype}"/>'
            for _, target, ctype, _ in _optional_parts(parts)]
    over[1:1] = ['<Override PartName="/docProps/app.xml" '
                 'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>']
    over.insert(0, f'<Override PartName="/word/document.xml" ContentType="{_WML}.document.main+xml"/>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + "".join(over) + '</Types>')


def _document_rels(parts: DocxParts) -> str:
    rels = [f'<Relationship Id="{rid}" Type="{_REL}/{rtype}" Target="{target}"/>'
            for rid, target, _, rtype in _optional_parts(parts)]
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(rels) + '</Relationships>')


ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'extended-properties" Target="docProps/app.xml"/></Relationships>'
)


def _app_xml(parts: DocxParts) -> str:
    app = f"<Application>{parts.application}</Application>" if parts.application else ""
    pages = f"<Pages>{parts.pages}</Pages>" if parts.pages is not None else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
            '"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f"{app}{pages}</Properties>")


class _FixedTimeZip(zipfile.ZipFile):
    """A zip whose members carry a fixed timestamp, so a rebuilt file has identical bytes."""

    def writestr(self, name: str, data: str | bytes, *args: object, **kwargs: object) -> None:  # type: ignore[override]  # narrower: this zip writes str/bytes only
        info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        super().writestr(info, data)


def docx_bytes(parts: DocxParts) -> bytes:
    body = parts.body if "<w:sectPr" in parts.body else parts.body + A4_SECT
    buf = io.BytesIO()
    with _FixedTimeZip(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _content_types(parts))
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("docProps/app.xml", _app_xml(parts))
        zf.writestr("word/_rels/document.xml.rels", _document_rels(parts))
        zf.writestr("word/document.xml", _xml("w:document", f"<w:body>{body}</w:body>"))
        zf.writestr("word/settings.xml", _xml("w:settings", parts.settings))
        if parts.styles is not None:
            zf.writestr("word/styles.xml", _xml("w:styles", parts.styles))
        if parts.theme is not None:
            zf.writestr("word/theme/theme1.xml", parts.theme)
        if parts.numbering is not None:
            zf.writestr("word/numbering.xml", _xml("w:numbering", parts.numbering))
        if parts.comments is not None:
            zf.writestr("word/comments.xml", _xml("w:comments", parts.comments))
        for name, inner in parts.headers.items():
            zf.writestr(f"word/{name}.xml", _xml("w:hdr", inner))
        for name, inner in parts.footers.items():
            zf.writestr(f"word/{name}.xml", _xml("w:ftr", inner))
        for name, data in parts.extra_parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def write_docx(path: str | Path, parts: DocxParts) -> Path:
    path = Path(path)
    path.write_bytes(docx_bytes(parts))
    return path


def para(text: str = "", ppr: str = "", rpr: str = "") -> str:
    """One paragraph with one run: ``para("ĐẢNG CỘNG SẢN VIỆT NAM", '<w:jc w:val="center"/>', '<w:b/>')``."""
    ppr_xml = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    if not text:
        return f"<w:p>{ppr_xml}</w:p>"
    rpr_xml = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:p>{ppr_xml}<w:r>{rpr_xml}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r></w:p>'


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
