#!/usr/bin/env python3
"""Replays the airlog canonical encoding v1 golden vectors from the specification alone.

An independent implementation of docs/encoding.md in Python 3 (standard library only): for
every case of golden-v1.json it validates and encodes the event fields and compares the
canonical JSON of metadata and context, the canonical bytes and the checksum with the file;
it checks the chain links the file declares; and it checks that every rejected case is
rejected, for the field the file names.

    python3 docs/encoding-vectors.py [path/to/golden-v1.json]
    python3 docs/encoding-vectors.py --explain worked-example   # annotated hex dump of one case

Exit status 0 when everything agrees, 1 otherwise.
"""

import decimal
import hashlib
import json
import struct
import sys
import uuid
from decimal import Decimal
from pathlib import Path

DEFAULT_VECTORS = (Path(__file__).resolve().parent.parent / "airlog-core" / "src" / "test" / "resources"
                   / "io" / "airlog" / "encoding" / "golden-v1.json")

VERSION = 1
LABEL = "airlog.event"
GENESIS = "0" * 64
INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1
MAX_EXACT = 1 << 53

# Size limits (AuditLimits), in UTF-8 bytes; metadata and context: of their canonical JSON.
LIMITS = {"logId": 128, "action": 256, "principal.subject": 256, "resource": 256, "resourceId": 256,
          "correlationId": 128, "principal.metadata": 8 * 1024, "context": 64 * 1024}
MAX_DEPTH = 32
AUTH_METHODS = {"NONE", "PASSWORD", "API_KEY", "CERTIFICATE", "JWT", "OAUTH2", "OIDC", "SAML", "KERBEROS",
                "SESSION", "SYSTEM", "OTHER"}
OUTCOMES = {"SUCCESS", "FAILURE", "DENIED"}
# "Blank" = empty or only these code points (Java's Character.isWhitespace).
WHITESPACE = set(range(0x09, 0x0E)) | set(range(0x1C, 0x21)) | {0x1680} | set(range(0x2000, 0x2007)) \
    | set(range(0x2008, 0x200B)) | {0x2028, 0x2029, 0x205F, 0x3000}

decimal.getcontext().prec = 1200  # exact arithmetic on every number the parser lets through


class Rejected(Exception):
    """The input breaks a validation rule; field names the event field."""

    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field


# ---------------------------------------------------------------- strings

def check_text(field, s, where=None):
    """Rejects U+0000 and unpaired surrogates (Python keeps \\udXXX escapes as lone code points)."""
    for i, ch in enumerate(s):
        cp = ord(ch)
        if cp == 0:
            raise Rejected(field, f"{where or field}: U+0000 at index {i}")
        if 0xD800 <= cp <= 0xDFFF:
            raise Rejected(field, f"{where or field}: unpaired surrogate U+{cp:04X}")
    return s


def utf8_len(s):
    return len(s.encode("utf-8"))


def bounded(field, s, required, non_blank=False):
    if s is None:
        if required:
            raise Rejected(field, "is required")
        return None
    check_text(field, s)
    if non_blank and all(ord(ch) in WHITESPACE for ch in s):
        raise Rejected(field, "must not be blank")
    if utf8_len(s) > LIMITS[field]:
        raise Rejected(field, f"{utf8_len(s)} UTF-8 bytes, limit {LIMITS[field]}")
    return s


# ---------------------------------------------------------------- numbers

def field_of(path):
    return "principal.metadata" if path.startswith("principal.metadata") else path.split(".")[0].split("[")[0]


def es_number(f):
    """ECMAScript Number::toString of a finite double (RFC 8785 section 3.2.2.3)."""
    if f == 0:
        return "0"
    sign = "-" if f < 0 else ""
    # repr() gives the shortest digit string that reads back as f (the nearest one if several).
    d = Decimal(repr(abs(f))).normalize()
    _, digits, exponent = d.as_tuple()
    s = "".join(map(str, digits))
    k = len(s)
    n = exponent + k  # value = 0.s * 10^n
    if k <= n <= 21:
        out = s + "0" * (n - k)
    elif 0 < n <= 21:
        out = s[:n] + "." + s[n:]
    elif -6 < n <= 0:
        out = "0." + "0" * (-n) + s
    else:
        e = n - 1
        out = (s if k == 1 else s[0] + "." + s[1:]) + "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return sign + out


def normal_number(path, v):
    """The normal form: int for integral |v| <= 2^53, else a float; None if not exact."""
    exact = Decimal(v)
    if exact == exact.to_integral_value() and abs(exact) <= MAX_EXACT:
        return int(exact)
    try:
        f = float(exact)  # correctly rounded to the nearest double
    except OverflowError:
        f = float("inf")
    if f in (float("inf"), float("-inf")) or Decimal(es_number(f)) != exact:
        raise Rejected(field_of(path), f"{path}: {v} is not exactly representable in RFC 8785 JSON")
    return f


# ---------------------------------------------------------------- JSON values

def normalise(path, value, depth=1):
    """Checks a parsed JSON value (ints, Decimals, str, bool, None, dict, list) and normalises numbers."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return check_text(field_of(path), value, path)
    if isinstance(value, (int, Decimal)):
        return normal_number(path, value)
    if isinstance(value, (dict, list)):
        if depth > MAX_DEPTH:
            raise Rejected(field_of(path), f"{path}: nested deeper than {MAX_DEPTH} levels")
        if isinstance(value, list):
            return [normalise(f"{path}[{i}]", x, depth + 1) for i, x in enumerate(value)]
        out = {}
        for key, x in value.items():
            check_text(field_of(path), key, f"{path}: key")
            out[key] = normalise(f"{path}.{key}", x, depth + 1)
        return out
    raise Rejected(field_of(path), f"{type(value).__name__} is not a JSON value")


def utf16_units(s):
    """Sort key of RFC 8785 section 3.2.3: UTF-16 code units (big-endian bytes compare the same)."""
    return s.encode("utf-16-be")


ESCAPES = {0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}


def json_string(s):
    out = ['"']
    for ch in s:
        cp = ord(ch)
        if cp in ESCAPES:
            out.append(ESCAPES[cp])
        elif cp < 0x20:
            out.append(f"\\u{cp:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def canonical_json(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return es_number(v)
    if isinstance(v, str):
        return json_string(v)
    if isinstance(v, list):
        return "[" + ",".join(canonical_json(x) for x in v) + "]"
    return "{" + ",".join(json_string(k) + ":" + canonical_json(v[k]) for k in sorted(v, key=utf16_units)) + "}"


def json_object_field(field, value):
    if not isinstance(value, dict):
        raise Rejected(field, "must be a JSON object")
    text = canonical_json(normalise(field, value))
    if utf8_len(text) > LIMITS[field]:
        raise Rejected(field, f"{utf8_len(text)} bytes as canonical JSON, limit {LIMITS[field]}")
    return text


# ---------------------------------------------------------------- the event encoding

def int64(field, text):
    v = int(text)
    if not INT64_MIN <= v <= INT64_MAX:
        raise Rejected(field, "outside the signed 64-bit range")
    return v


def encode_event(e, annotate=None):
    """Validates the fields of one event and returns (canonical bytes, metadata JSON, context JSON)."""
    log_id = bounded("logId", e["logId"], True, non_blank=True)
    sequence = int64("sequence", e["sequence"])
    if sequence < 1:
        raise Rejected("sequence", "must be at least 1")
    event_id = uuid.UUID(e["eventId"])
    nanos = int64("timestamp", e["timestamp"])
    action = bounded("action", e["action"], True, non_blank=True)
    p = e["principal"]
    subject = bounded("principal.subject", p["subject"], True, non_blank=True)
    if p["authMethod"] not in AUTH_METHODS:
        raise Rejected("principal.authMethod", "unknown")
    metadata = json_object_field("principal.metadata", p["metadata"])
    resource = bounded("resource", e["resource"], False)
    resource_id = bounded("resourceId", e["resourceId"], False)
    if e["outcome"] not in OUTCOMES:
        raise Rejected("outcome", "unknown")
    correlation_id = bounded("correlationId", e["correlationId"], False)
    context = json_object_field("context", e["context"])
    previous = e["previousChecksum"]

    parts = []

    def put(name, b):
        parts.append((name, b))

    def string(name, s):
        if s is None:
            put(name + " (absent)", b"\x00")
        else:
            data = s.encode("utf-8")
            put(name + f" (present, {len(data)} bytes)", b"\x01" + struct.pack(">I", len(data)) + data)

    put("version", bytes([VERSION]))
    string("label", LABEL)
    string("logId", log_id)
    put("sequence", struct.pack(">q", sequence))
    put("eventId", event_id.bytes)
    put("timestamp (epoch ns)", struct.pack(">q", nanos))
    string("action", action)
    string("principal.subject", subject)
    string("principal.authMethod", p["authMethod"])
    string("principal.metadata", metadata)
    string("resource", resource)
    string("resourceId", resource_id)
    string("outcome", e["outcome"])
    string("correlationId", correlation_id)
    string("context", context)
    string("previousChecksum", previous)
    if annotate is not None:
        annotate.extend(parts)
    return b"".join(b for _, b in parts), metadata, context


# ---------------------------------------------------------------- replay

def no_duplicates(pairs):
    out = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f"duplicate key {k!r}")
        out[k] = v
    return out


def load(path):
    def no_constants(name):
        raise ValueError(f"{name} is not JSON")
    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_float=Decimal, parse_int=int, parse_constant=no_constants,
                         object_pairs_hook=no_duplicates)


def replay(vectors):
    failures = []
    checksums = {}
    for case in vectors["cases"]:
        name, e, want = case["name"], case["event"], case["expected"]
        try:
            data, metadata, context = encode_event(e)
        except Rejected as r:
            failures.append(f"{name}: rejected: {r}")
            continue
        got = {"metadataJson": metadata, "contextJson": context, "canonicalBytes": data.hex(),
               "checksum": hashlib.sha256(data).hexdigest()}
        for key, value in got.items():
            if want[key] != value:
                failures.append(f"{name}: {key} differs")
        if int(e["sequence"]) == 1 and e["previousChecksum"] != GENESIS:
            failures.append(f"{name}: the first event of a log must follow the genesis value")
        if "follows" in case:
            prev = next(c for c in vectors["cases"] if c["name"] == case["follows"])
            if (e["previousChecksum"] != checksums.get(prev["name"]) or e["logId"] != prev["event"]["logId"]
                    or int(e["sequence"]) != int(prev["event"]["sequence"]) + 1):
                failures.append(f"{name}: does not follow {prev['name']}")
        checksums[name] = got["checksum"]
    for case in vectors["rejected"]:
        try:
            encode_event(case["event"])
            failures.append(f"{case['name']}: accepted, but must be rejected ({case['field']})")
        except Rejected as r:
            if r.field != case["field"]:
                failures.append(f"{case['name']}: rejected for {r.field}, expected {case['field']}: {r}")
    return failures


def explain(vectors, name):
    case = next(c for c in vectors["cases"] if c["name"] == name)
    parts = []
    data, _, _ = encode_event(case["event"], parts)
    offset = 0
    for label, b in parts:
        lines = [b[i:i + 16].hex(" ") for i in range(0, len(b), 16)]
        print(f"{offset:04x}  {lines[0]:<47}  {label}")
        for more in lines[1:]:
            print(f"      {more}")
        offset += len(b)
    print(f"{offset:04x}  ({offset} bytes)")
    print(f"SHA-256: {hashlib.sha256(data).hexdigest()}")


def main(argv):
    args = argv[1:]
    if args and args[0] == "--explain":
        vectors = load(args[2] if len(args) > 2 else DEFAULT_VECTORS)
        explain(vectors, args[1])
        return 0
    path = args[0] if args else DEFAULT_VECTORS
    vectors = load(path)
    failures = replay(vectors)
    for f in failures:
        print("FAIL", f)
    print(f"{len(vectors['cases'])} cases, {len(vectors['rejected'])} rejected cases, "
          f"{len(failures)} failures ({path})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
