"""Reads ESC/POS bytes back into text lines: the preview printer's view of a print job."""

from __future__ import annotations

from dataclasses import dataclass, field

# ESC t n -> codec, for the tables our profiles use (Epson numbering).
CODEPAGES = {0: "cp437", 2: "cp850", 16: "cp1252", 19: "cp858"}


@dataclass
class DecodedLine:
    text: str
    align: str = "left"
    big: bool = False
    bold: bool = False


@dataclass
class Decoded:
    lines: list[DecodedLine] = field(default_factory=list)
    codepages: list[int] = field(default_factory=list)  # every ESC t n seen, in order
    barcodes: list[str] = field(default_factory=list)
    cuts: int = 0
    kicks: list[bytes] = field(default_factory=list)
    status_queries: int = 0
    images: int = 0

    def text_lines(self) -> list[str]:
        return [line.text for line in self.lines]

    def render(self, width: int) -> list[str]:
        """Lines laid out as on paper; a cut shows as a scissors rule."""
        out = []
        for line in self.lines:
            if line.align == "center":
                out.append(line.text.center(width).rstrip())
            elif line.align == "right":
                out.append(line.text.rjust(width))
            else:
                out.append(line.text)
        return out


def decode(data: bytes) -> Decoded:
    """Walk the command stream; text bytes decode under the code page selected by ESC t n."""
    out = Decoded()
    codec = "cp437"
    buf = bytearray()
    align, big, bold = "left", False, False
    i, n = 0, len(data)

    def flush() -> None:
        out.lines.append(DecodedLine(buf.decode(codec, errors="replace"), align, big, bold))
        buf.clear()

    while i < n:
        b = data[i]
        if b == 0x0A:
            flush()
            i += 1
        elif b == 0x1B and i + 1 < n:  # ESC
            cmd = data[i + 1]
            if cmd == ord("@"):
                codec, align, big, bold = "cp437", "left", False, False
                i += 2
            elif cmd == ord("t"):
                out.codepages.append(data[i + 2])
                codec = CODEPAGES.get(data[i + 2], "cp437")
                i += 3
            elif cmd == ord("!"):
                big = bool(data[i + 2] & 0x30)
                i += 3
            elif cmd == ord("E"):
                bold = bool(data[i + 2])
                i += 3
            elif cmd == ord("a"):
                align = {0: "left", 1: "center", 2: "right"}.get(data[i + 2] % 48, "left")
                i += 3
            elif cmd == ord("d"):
                if buf:
                    flush()
                for _ in range(data[i + 2]):
                    flush()
                i += 3
            elif cmd == ord("p"):
                out.kicks.append(bytes(data[i : i + 5]))
                if buf:
                    flush()
                out.lines.append(DecodedLine("[cash drawer opens]", "center"))
                i += 5
            else:  # other ESC x n commands take one parameter byte
                i += 3
        elif b == 0x1D and i + 1 < n:  # GS
            cmd = data[i + 1]
            if cmd == ord("V"):
                m = data[i + 2]
                out.cuts += 1
                if buf:
                    flush()
                out.lines.append(DecodedLine("- - - - - - cut - - - - - -", "center"))
                i += 4 if m in (65, 66, 97, 98, 103, 104) else 3
            elif cmd == ord("k"):
                m = data[i + 2]
                if m >= 65:  # function B: length byte then data
                    length = data[i + 3]
                    value = data[i + 4 : i + 4 + length].decode("ascii", "replace")
                    i += 4 + length
                else:  # function A: NUL-terminated
                    end = data.index(b"\x00", i + 3)
                    value = data[i + 3 : end].decode("ascii", "replace")
                    i = end + 1
                value = value[2:] if value.startswith("{") else value
                out.barcodes.append(value)
                out.lines.append(DecodedLine(f"|||| {value} ||||", "center"))
            elif cmd == ord("(") and data[i + 2] == ord("k"):
                plen = data[i + 3] + 256 * data[i + 4]
                payload = data[i + 5 : i + 5 + plen]
                if payload[:2] == b"1P":  # QR store data
                    value = payload[3:].decode("ascii", "replace")
                    out.barcodes.append(value)
                    out.lines.append(DecodedLine(f"[QR {value}]", "center"))
                i += 5 + plen
            elif cmd == ord("v") and data[i + 2] == ord("0"):
                w = data[i + 4] + 256 * data[i + 5]
                h = data[i + 6] + 256 * data[i + 7]
                out.images += 1
                out.lines.append(DecodedLine("[logo]", "center"))
                i += 8 + w * h
            else:  # GS ! n, GS h n, GS w n, GS H n, GS f n, ...
                i += 3
        elif b == 0x10 and i + 1 < n and data[i + 1] == 0x04:  # DLE EOT n
            out.status_queries += 1
            i += 3
        else:
            buf.append(b)
            i += 1
    if buf:
        flush()
    return out
