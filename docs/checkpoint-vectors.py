#!/usr/bin/env python3
"""Replays airlog's checkpoint, signed-note and Merkle proof test vectors from the specifications.

An independent implementation, in Python 3 with the standard library only, of what
docs/checkpoints.md specifies: RFC 9162 section 2.1 Merkle trees (MTH, PATH, SUBPROOF and the
verification algorithms of 2.1.3.2 and 2.1.4.2), the text forms of compact ranges and tree
edges, C2SP tlog-checkpoint bodies, C2SP signed-note with Ed25519 (RFC 8032, section 6's
reference arithmetic written out below), verifier keys and key IDs, default origins, C2SP
tlog-proof bundles, tlog-witness consistency bodies and witness files. For every vector of
golden-checkpoints.json it recomputes what the file holds, and checks every signature, proof
and rejection.

    python3 docs/checkpoint-vectors.py [path/to/golden-checkpoints.json]

Exit status 0 when everything agrees, 1 otherwise.
"""

import base64
import binascii
import hashlib
import json
import sys
import unicodedata
from pathlib import Path

DEFAULT_VECTORS = (Path(__file__).resolve().parent.parent / "airlog-core" / "src" / "test" / "resources"
                   / "io" / "airlog" / "checkpoint" / "golden-checkpoints.json")

EM_DASH = "\u2014"
MAX_SIGNATURES = 100


class Rejected(Exception):
    """A note, key or checkpoint a check must not trust; reason is MALFORMED, UNTRUSTED_KEY, ..."""

    def __init__(self, reason, problem):
        super().__init__(f"{reason}: {problem}")
        self.reason = reason


# ---------------------------------------------------------------- RFC 8032 Ed25519 (section 6)

P = 2 ** 255 - 19
Q = 2 ** 252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def _add(a, b):
    x1, y1, z1, t1 = a
    x2, y2, z2, t2 = b
    aa = (y1 - x1) * (y2 - x2) % P
    bb = (y1 + x1) * (y2 + x2) % P
    cc = 2 * t1 * t2 * D % P
    dd = 2 * z1 * z2 % P
    e, f, g, h = bb - aa, dd - cc, dd + cc, bb + aa
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def _mul(s, point):
    result = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            result = _add(result, point)
        point = _add(point, point)
        s >>= 1
    return result


def _equal(a, b):
    return (a[0] * b[2] - b[0] * a[2]) % P == 0 and (a[1] * b[2] - b[1] * a[2]) % P == 0


def _recover_x(y, sign):
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P)
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P != 0:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P != 0:
        return None
    if (x & 1) != sign:
        x = P - x
    return x


_GY = 4 * pow(5, P - 2, P) % P
_GX = _recover_x(_GY, 0)
BASE = (_GX, _GY, 1, _GX * _GY % P)


def _compress(point):
    zinv = pow(point[2], P - 2, P)
    x, y = point[0] * zinv % P, point[1] * zinv % P
    return int.to_bytes(y | ((x & 1) << 255), 32, "little")


def _decompress(s):
    if len(s) != 32:
        return None
    y = int.from_bytes(s, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % P)


def _expand(seed):
    h = hashlib.sha512(seed).digest()
    a = int.from_bytes(h[:32], "little")
    a &= (1 << 254) - 8
    a |= 1 << 254
    return a, h[32:]


def _hash_q(data):
    return int.from_bytes(hashlib.sha512(data).digest(), "little") % Q


def ed25519_public(seed):
    return _compress(_mul(_expand(seed)[0], BASE))


def ed25519_sign(seed, message):
    a, prefix = _expand(seed)
    public = _compress(_mul(a, BASE))
    r = _hash_q(prefix + message)
    big_r = _compress(_mul(r, BASE))
    s = (r + _hash_q(big_r + public + message) * a) % Q
    return big_r + int.to_bytes(s, 32, "little")


def ed25519_verify(public, message, signature):
    if len(public) != 32 or len(signature) != 64:
        return False
    a = _decompress(public)
    r = _decompress(signature[:32])
    if a is None or r is None:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= Q:
        return False
    k = _hash_q(signature[:32] + public + message)
    return _equal(_mul(s, BASE), _add(r, _mul(k, a)))


# ---------------------------------------------------------------- RFC 9162 section 2.1

def sha256(data):
    return hashlib.sha256(data).digest()


def leaf_hash(leaf):
    return sha256(b"\x00" + leaf)


def node_hash(left, right):
    return sha256(b"\x01" + left + right)


def split_point(n):
    """The largest power of two smaller than n (n > 1)."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(d):
    if not d:
        return sha256(b"")
    if len(d) == 1:
        return leaf_hash(d[0])
    k = split_point(len(d))
    return node_hash(mth(d[:k]), mth(d[k:]))


def path(m, d):
    if len(d) == 1:
        return []
    k = split_point(len(d))
    if m < k:
        return path(m, d[:k]) + [mth(d[k:])]
    return path(m - k, d[k:]) + [mth(d[:k])]


def subproof(m, d, b):
    n = len(d)
    if m == n:
        return [] if b else [mth(d)]
    k = split_point(n)
    if m <= k:
        return subproof(m, d[:k], b) + [mth(d[k:])]
    return subproof(m - k, d[k:], False) + [mth(d[:k])]


def consistency_proof(m, d):
    return [] if m == 0 or m == len(d) else subproof(m, d, True)


def verify_inclusion(leaf, index, tree_size, inclusion_path, root):
    """RFC 9162 section 2.1.3.2."""
    if index >= tree_size:
        return False
    fn, sn = index, tree_size - 1
    r = leaf_hash(leaf)
    for p in inclusion_path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(first, second, consistency_path, first_hash, second_hash):
    """RFC 9162 section 2.1.4.2; equal sizes and the empty tree as C2SP tlog-witness decides them."""
    if first > second:
        return False
    if first == second:
        return not consistency_path and first_hash == second_hash
    if first == 0:
        return not consistency_path and first_hash == sha256(b"")
    if not consistency_path:
        return False
    path_ = list(consistency_path)
    if first & (first - 1) == 0:
        path_.insert(0, first_hash)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path_[0]
    for c in path_[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == first_hash and sr == second_hash and sn == 0


def compact_range(d):
    """The roots of the perfect subtrees that the one bits of len(d) cut d into, largest first."""
    nodes, start, n = [], 0, len(d)
    bit = 1 << max(n.bit_length() - 1, 0)
    while bit:
        if n & bit:
            nodes.append(mth(d[start:start + bit]))
            start += bit
        bit >>= 1
    return nodes


def b64(data):
    return base64.b64encode(data).decode("ascii")


def unb64(text, length=None):
    """Strict standard base64: padding required, no other spelling of the same bytes."""
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as e:
        raise ValueError(f"not base64: {text!r}") from e
    if b64(data) != text:
        raise ValueError(f"not canonical base64: {text!r}")
    if length is not None and len(data) != length:
        raise ValueError(f"{len(data)} bytes, not {length}")
    return data


def range_text(d):
    return " ".join(["range", str(len(d))] + [b64(x) for x in compact_range(d)])


def edge_text(d):
    if not d:
        return "edge 0"
    return " ".join(["edge", str(len(d)), b64(d[-1])] + [b64(x) for x in compact_range(d[:-1])])


def root_of_range_text(text):
    parts = text.split(" ")
    assert parts[0] == "range" and int(parts[1]) >= 0
    nodes = [unb64(x, 32) for x in parts[2:]]
    assert len(nodes) == bin(int(parts[1])).count("1")
    return fold(nodes)


def root_of_edge_text(text):
    parts = text.split(" ")
    assert parts[0] == "edge"
    size = int(parts[1])
    if size == 0:
        assert len(parts) == 2
        return sha256(b"")
    last, nodes = unb64(parts[2], 32), [unb64(x, 32) for x in parts[3:]]
    assert len(nodes) == bin(size - 1).count("1")
    # append the last leaf to the range before it: merge one node per trailing one bit of size - 1
    stack, s = nodes + [leaf_hash(last)], size - 1
    while s & 1:
        right, left = stack.pop(), stack.pop()
        stack.append(node_hash(left, right))
        s >>= 1
    return fold(stack)


def fold(nodes):
    if not nodes:
        return sha256(b"")
    root = nodes[-1]
    for n in reversed(nodes[:-1]):
        root = node_hash(n, root)
    return root


# ---------------------------------------------------------------- C2SP signed-note, tlog-checkpoint

UNRESERVED = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def default_origin(log_id):
    return "airlog/" + "".join(chr(b) if b in UNRESERVED else f"%{b:02X}" for b in log_id.encode("utf-8"))


def is_space(ch):
    return ch in "\t\n\x0b\x0c\r\x85" or unicodedata.category(ch) in ("Zs", "Zl", "Zp")


def valid_key_name(name):
    return bool(name) and "+" not in name and not any(is_space(c) for c in name)


def key_id(name, public):
    return sha256(name.encode("utf-8") + b"\n" + b"\x01" + public)[:4]


def verifier_key(name, public):
    typed = bytes([1]) + public
    return f"{name}+{key_id(name, public).hex()}+{b64(typed)}"


def parse_verifier_key(text):
    name, sep, rest = text.partition("+")
    hex_id, sep2, key64 = rest.partition("+")
    if not sep or not sep2 or not valid_key_name(name):
        raise ValueError("not <name>+<id>+<key> with a valid name")
    if len(hex_id) != 8 or any(c not in "0123456789abcdef" for c in hex_id):
        raise ValueError("key id is not 8 lowercase hex digits")
    data = unb64(key64)
    if len(data) != 33 or data[0] != 1:
        raise ValueError("not an Ed25519 key (type 0x01, 32 bytes)")
    if key_id(name, data[1:]).hex() != hex_id:
        raise ValueError("key id does not match name and key")
    return name, bytes.fromhex(hex_id), data[1:]


def parse_note(note):
    """Returns (text, [(name, key id, signature)]) or raises Rejected(MALFORMED)."""
    if any(ord(c) < 0x20 and c != "\n" for c in note):
        raise Rejected("MALFORMED", "control character")
    split = note.rfind("\n\n")
    if split < 0:
        raise Rejected("MALFORMED", "no empty line before the signatures")
    text, block = note[:split + 1], note[split + 2:]
    if not block or not block.endswith("\n"):
        raise Rejected("MALFORMED", "no signature lines, or the last one has no newline")
    lines = block[:-1].split("\n")
    if len(lines) > MAX_SIGNATURES:
        raise Rejected("MALFORMED", "too many signatures")
    signatures = []
    for line in lines:
        if not line.startswith(EM_DASH + " "):
            raise Rejected("MALFORMED", f"signature line without em dash: {line!r}")
        name, sep, sig64 = line[2:].partition(" ")
        if not sep or not valid_key_name(name):
            raise Rejected("MALFORMED", f"bad key name in {line!r}")
        try:
            data = unb64(sig64)
        except ValueError as e:
            raise Rejected("MALFORMED", str(e)) from e
        if len(data) < 5:
            raise Rejected("MALFORMED", "signature shorter than 5 bytes")
        signatures.append((name, data[:4], data[4:]))
    return text, signatures


def format_note(text, signatures):
    return text + "\n" + "".join(f"{EM_DASH} {n} {b64(i + s)}\n" for n, i, s in signatures)


def verify_note(note, trusted):
    """C2SP: ignore unknown (name, id); a known key must verify; at least one must. Returns signer names."""
    text, signatures = parse_note(note)
    message = text.encode("utf-8")
    verified = []
    for name, kid, sig in signatures:
        for key_name, key_kid, public in trusted:
            if name == key_name and kid == key_kid:
                if not ed25519_verify(public, message, sig):
                    raise Rejected("BAD_SIGNATURE", f"signature by {name} does not verify")
                if name not in verified:
                    verified.append(name)
    if not verified:
        raise Rejected("UNTRUSTED_KEY", "no signature by a trusted key")
    return text, verified


def parse_checkpoint(text):
    """C2SP tlog-checkpoint body: origin, decimal size without leading zeros, base64 root, extensions."""
    if not text.endswith("\n"):
        raise Rejected("MALFORMED", "body without final newline")
    lines = text[:-1].split("\n")
    if len(lines) < 3 or not lines[0] or any(not x for x in lines[3:]):
        raise Rejected("MALFORMED", "not origin, size, root (and non-empty extension lines)")
    size = lines[1]
    if not size.isascii() or not size.isdigit() or (len(size) > 1 and size[0] == "0"):
        raise Rejected("MALFORMED", f"tree size {size!r}")
    try:
        root = unb64(lines[2], 32)
    except ValueError as e:
        raise Rejected("MALFORMED", str(e)) from e
    return lines[0], int(size), root


def open_checkpoint(note, trusted, origin):
    text, signers = verify_note(note, trusted)
    cp_origin, size, root = parse_checkpoint(text)
    if cp_origin != origin:
        raise Rejected("OTHER_LOG", f"checkpoint of {cp_origin!r}")
    return size, root, signers


def open_checkpoint_malformed_first(note, trusted, origin):
    """Form before signatures, as a verifier reads: a malformed note or body is MALFORMED."""
    text, _ = parse_note(note)
    parse_checkpoint(text)
    return open_checkpoint(note, trusted, origin)


# ---------------------------------------------------------------- the replay

class Replay:
    def __init__(self, vectors):
        self.v = vectors
        self.failures = 0
        self.checks = 0
        self.leaves = [bytes.fromhex(x) for x in vectors["leaves"]]

    def check(self, ok, what):
        self.checks += 1
        if not ok:
            self.failures += 1
            print(f"MISMATCH: {what}")

    def trusted(self, entry):
        return [parse_verifier_key(k) for k in entry["trusted"]]

    def run(self):
        self.keys()
        self.leaves_rule()
        self.trees()
        self.proofs()
        self.origins()
        self.verifier_keys()
        self.checkpoints()
        self.bundles()
        self.witness_file()
        return self.failures

    def keys(self):
        for k in self.v["keys"]:
            seed = bytes.fromhex(k["seed"])
            public = ed25519_public(seed)
            self.check(public.hex() == k["publicKey"], f"public key of {k['name']}")
            self.check(key_id(k["name"], public).hex() == k["keyId"], f"key id of {k['name']}")
            self.check(verifier_key(k["name"], public) == k["verifierKey"], f"verifier key of {k['name']}")
        rfc = next(k for k in self.v["keys"] if "TEST 1" in k["source"])
        signature = ed25519_sign(bytes.fromhex(rfc["seed"]), b"")
        self.check(signature.hex().startswith("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a")
                   and ed25519_verify(bytes.fromhex(rfc["publicKey"]), b"", signature), "RFC 8032 TEST 1 signature")

    def leaves_rule(self):
        for i, leaf in enumerate(self.leaves):
            self.check(leaf == sha256(f"airlog test leaf {i}".encode("ascii")), f"leaf {i}")

    def trees(self):
        for t in self.v["trees"]:
            d = self.leaves[:t["size"]]
            self.check(b64(mth(d)) == t["root"], f"root of tree {t['size']}")
            self.check(range_text(d) == t["range"], f"range of tree {t['size']}")
            self.check(edge_text(d) == t["edge"], f"edge of tree {t['size']}")
            self.check(b64(root_of_range_text(t["range"])) == t["root"], f"root from range {t['size']}")
            self.check(b64(root_of_edge_text(t["edge"])) == t["root"], f"root from edge {t['size']}")

    def proofs(self):
        for p in self.v["inclusion"]:
            i, n = p["index"], p["treeSize"]
            d = self.leaves[:n]
            expected = [unb64(x, 32) for x in p["path"]]
            self.check(path(i, d) == expected, f"inclusion path {i} of {n}")
            self.check(verify_inclusion(d[i], i, n, expected, mth(d)), f"inclusion {i} of {n} verifies")
            if n > 1:
                self.check(not verify_inclusion(d[(i + 1) % n], i, n, expected, mth(d)),
                           f"inclusion {i} of {n} refuses another leaf")
        for p in self.v["consistency"]:
            m, n = p["oldSize"], p["newSize"]
            d = self.leaves[:n]
            expected = [unb64(x, 32) for x in p["path"]]
            self.check(consistency_proof(m, d) == expected, f"consistency path {m} to {n}")
            self.check(verify_consistency(m, n, expected, mth(d[:m]), mth(d)), f"consistency {m} to {n} verifies")
            if 0 < m < n:
                self.check(not verify_consistency(m, n, expected, mth(d[:m]), mth(d[:m])),
                           f"consistency {m} to {n} refuses another root")

    def origins(self):
        for o in self.v["origins"]:
            self.check(default_origin(o["logId"]) == o["origin"], f"default origin of {o['logId']!r}")

    def verifier_keys(self):
        for k in self.v["verifierKeys"]:
            try:
                parse_verifier_key(k["text"])
                ok = True
            except ValueError:
                ok = False
            self.check(ok == k["valid"], f"verifier key '{k['name']}'")

    def checkpoints(self):
        seeds = {k["name"]: bytes.fromhex(k["seed"]) for k in self.v["keys"]}
        for c in self.v["checkpoints"]:
            try:
                _, _, signers = open_checkpoint_malformed_first(c["note"], self.trusted(c), c["origin"])
                outcome = "valid"
            except Rejected as e:
                outcome, signers = e.reason, []
            self.check(outcome == c["expect"], f"checkpoint '{c['name']}': {outcome}, expected {c['expect']}")
            if c["expect"] == "valid":
                self.check(signers == c["signedBy"], f"signers of '{c['name']}'")
                text, signatures = parse_note(c["note"])
                resigned = [(n, i, ed25519_sign(seeds[n], text.encode("utf-8"))) for n, i, _ in signatures]
                self.check(format_note(text, resigned) == c["note"], f"'{c['name']}' signed byte for byte alike")

    def bundles(self):
        for b in self.v["bundles"]:
            try:
                ok = self.inclusion_bundle(b) if b["kind"] == "inclusion" else self.consistency_bundle(b)
            except (Rejected, ValueError):
                ok = False
            self.check(ok == b["valid"], f"bundle '{b['name']}'")

    def inclusion_bundle(self, b):
        head, _, note = b["text"].partition("\n\n")
        lines = head.split("\n")
        if lines[0] != "c2sp.org/tlog-proof@v1":
            raise ValueError("header")
        rest = lines[1:]
        if rest and rest[0].startswith("extra "):
            unb64(rest[0][6:])
            rest = rest[1:]
        if not rest or not rest[0].startswith("index "):
            raise ValueError("index line")
        index = int(rest[0][6:])
        hashes = [unb64(x, 32) for x in rest[1:]]
        size, root, _ = open_checkpoint(note, self.trusted(b), b["origin"])
        return verify_inclusion(bytes.fromhex(b["leaf"]), index, size, hashes, root)

    def consistency_bundle(self, b):
        head, _, note = b["text"].partition("\n\n")
        lines = head.split("\n")
        if not lines[0].startswith("old "):
            raise ValueError("old line")
        old = int(lines[0][4:])
        hashes = [unb64(x, 32) for x in lines[1:]]
        size, root, _ = open_checkpoint(note, self.trusted(b), b["origin"])
        return verify_consistency(old, size, hashes, unb64(b["oldRoot"], 32), root)

    def witness_file(self):
        w = self.v["witnessFile"]
        lines = w["lines"]
        header = json.loads(lines[0])
        self.check(header == {"format": "airlog-witness/1", "origin": w["origin"]}, "witness file header")
        previous = -1
        for line in lines[1:]:
            record = json.loads(line)
            self.check(list(record) == ["note"], "witness record has exactly the member note")
            size, _, _ = open_checkpoint(record["note"], self.trusted(w), w["origin"])
            self.check(size > previous, "witness sizes increase")
            previous = size
        self.check(previous == w["newestSize"], "newest witnessed size")


def main(argv):
    path_ = Path(argv[1]) if len(argv) > 1 else DEFAULT_VECTORS
    vectors = json.loads(path_.read_text(encoding="ascii"))
    replay = Replay(vectors)
    failures = replay.run()
    print(f"{replay.checks} checks: {len(vectors['trees'])} trees, {len(vectors['inclusion'])} inclusion and "
          f"{len(vectors['consistency'])} consistency proofs, {len(vectors['checkpoints'])} signed checkpoints, "
          f"{len(vectors['verifierKeys'])} verifier keys, {len(vectors['bundles'])} bundles; {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
