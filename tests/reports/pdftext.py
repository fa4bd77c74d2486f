"""Reading the text back out of a PDF (pypdf), as a reader copying it would get it."""

from __future__ import annotations

import io
import re

import pypdf


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def page_count(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def tokens(text: str) -> list[str]:
    return text.split()


def has_row(text: str, *cells: str) -> bool:
    """Whether the cells appear one after another (a table row), whatever the spacing."""
    wanted = [part for cell in cells for part in cell.split()]
    words = tokens(text)
    n = len(wanted)
    return any(words[i:i + n] == wanted for i in range(len(words) - n + 1))


def squeeze(text: str) -> str:
    """Text without any whitespace (a Chinese sentence may be wrapped anywhere)."""
    return re.sub(r"\s+", "", text)


def fonts(data: bytes) -> list[dict[str, object]]:
    """Every font object of the document: name, subtype, whether a file is embedded."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    found: dict[str, dict[str, object]] = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            name = str(font.get("/BaseFont"))
            found[name] = {
                "name": name,
                "subtype": str(font.get("/Subtype")),
                "embedded": any(key in descriptor for key in
                                ("/FontFile", "/FontFile2", "/FontFile3")),
                "truetype": "/FontFile2" in descriptor,
            }
    return list(found.values())
