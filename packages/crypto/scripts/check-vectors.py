#!/usr/bin/env python3
"""Independent check of test-vectors/kenekanko-v1.json against docs/crypto.md.

Re-implements protocol v1 from the document alone, with pyca/cryptography (OpenSSL and
Rust argon2 underneath) instead of the noble libraries, and checks that it derives the same
values and opens the same envelopes. Run: python3 packages/crypto/scripts/check-vectors.py
Needs the `cryptography` package, version 44 or later (for Argon2id).
"""
import hashlib
import hmac
import json
import struct
import sys
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

V = json.loads((Path(__file__).parent.parent / "test-vectors" / "kenekanko-v1.json").read_text("utf-8"))
X = bytes.fromhex


def hkdf(ikm, salt, info, n):
    return HKDF(hashes.SHA256(), n, salt or None, info).derive(ikm)


def rotl(v, c):
    return ((v << c) & 0xFFFFFFFF) | (v >> (32 - c))


def hchacha20(key, nonce16):
    s = [0x61707865, 0x3320646E, 0x79622D32, 0x6B206574, *struct.unpack("<8I", key), *struct.unpack("<4I", nonce16)]
    def qr(a, b, c, d):
        s[a] = (s[a] + s[b]) & 0xFFFFFFFF; s[d] = rotl(s[d] ^ s[a], 16)
        s[c] = (s[c] + s[d]) & 0xFFFFFFFF; s[b] = rotl(s[b] ^ s[c], 12)
        s[a] = (s[a] + s[b]) & 0xFFFFFFFF; s[d] = rotl(s[d] ^ s[a], 8)
        s[c] = (s[c] + s[d]) & 0xFFFFFFFF; s[b] = rotl(s[b] ^ s[c], 7)
    for _ in range(10):
        qr(0, 4, 8, 12); qr(1, 5, 9, 13); qr(2, 6, 10, 14); qr(3, 7, 11, 15)
        qr(0, 5, 10, 15); qr(1, 6, 11, 12); qr(2, 7, 8, 13); qr(3, 4, 9, 14)
    return struct.pack("<8I", *(s[0:4] + s[12:16]))


def xchacha_open(key, nonce, ct, aad):
    sub = hchacha20(key, nonce[:16])
    return ChaCha20Poly1305(sub).decrypt(b"\0\0\0\0" + nonce[16:], ct, aad)


def lp(s):
    b = s.encode("utf-8")
    return struct.pack(">I", len(b)) + b


def aad(purpose, ctx):
    out = b"kenekanko/aad\0" + bytes([1]) + lp(purpose) + lp(ctx["alertId"]) + lp(ctx["objectKind"]) + lp(ctx["field"])
    if "chunkIndex" in ctx:
        return out + b"\1" + struct.pack(">I", ctx["chunkIndex"]) + bytes([1 if ctx["lastChunk"] else 0])
    return out + b"\0"


def unpad(frame):
    (n,) = struct.unpack(">I", frame[:4])
    assert frame[4 + n:] == bytes(len(frame) - 4 - n), "padding fill"
    return frame[4:4 + n]


def header(env, purpose):
    p = purpose.encode()
    assert env[0] == 1 and env[1] == len(p) and env[2:2 + len(p)] == p, "header"
    return 2 + len(p)


def check_envelope():
    e = V["envelope"]
    env = X(e["envelope"])
    at = header(env, e["purpose"])
    frame = xchacha_open(X(e["key"]), env[at:at + 24], env[at + 24:], aad(e["purpose"], e["context"]))
    assert len(frame) == 256 and unpad(frame) == X(e["plaintext"]), "envelope plaintext"


def check_sealed_box():
    e = V["sealedBox"]
    box = X(e["sealed"])
    at = header(box, e["purpose"])
    eph = box[at:at + 32]
    priv = X25519PrivateKey.from_private_bytes(X(e["recipientPrivateKey"]))
    pub = priv.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    assert pub == X(e["recipientPublicKey"]), "recipient public key"
    shared = priv.exchange(X25519PublicKey.from_public_bytes(eph))
    a = aad(e["purpose"], e["context"])
    key = hkdf(shared, eph + pub, b"kenekanko/v1/sealed-box\0" + a, 32)
    frame = xchacha_open(key, box[at + 32:at + 56], box[at + 56:], a)
    assert unpad(frame) == X(e["plaintext"]), "sealed box plaintext"


def check_file_key():
    e = V["file"]
    assert hkdf(X(e["contentKey"]), b"", b"kenekanko/v1/file-key" + e["fileId"].encode(), 32) == X(e["fileKey"]), "file key"


def damm_ok(digits):
    t = ["0317598642", "7092154863", "4206871359", "1750983426", "6123045978",
         "3674209581", "5869720134", "8945362017", "9438617205", "2581436790"]
    i = 0
    for c in digits:
        i = int(t[i][int(c)])
    return i == 0


def check_receipt():
    e = V["receipt"]
    r = e["receipt"]
    assert len(r) == 24 and r[0] == "1" and damm_ok(r), "receipt format"
    master = Argon2id(salt=X(e["deploymentSalt"]), length=64, iterations=2, lanes=1, memory_cost=19456).derive(r.encode())
    assert hkdf(master, b"", b"kenekanko/v1/receipt/lookup-token", 32) == X(e["lookupToken"]), "lookup token"
    xs = hkdf(master, b"", b"kenekanko/v1/receipt/x25519", 32)
    es = hkdf(master, b"", b"kenekanko/v1/receipt/ed25519", 32)
    assert xs == X(e["x25519PrivateKey"]) and es == X(e["ed25519PrivateKey"]), "receipt seeds"
    xp = X25519PrivateKey.from_private_bytes(xs).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    ep = Ed25519PrivateKey.from_private_bytes(es).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    assert xp == X(e["x25519PublicKey"]) and ep == X(e["ed25519PublicKey"]), "receipt public keys"
    assert hmac.new(X(e["pepper"]), X(e["lookupToken"]), "sha256").digest() == X(e["lookupHash"]), "lookup hash"


def check_password():
    e = V["password"]
    master = Argon2id(salt=X(e["salt"]), length=64, iterations=2, lanes=1, memory_cost=65536).derive(e["password"].encode())
    login = hkdf(master, b"", b"kenekanko/v1/password/login-key", 32)
    assert login == X(e["loginKey"]), "login key"
    assert hkdf(master, b"", b"kenekanko/v1/password/wrapping-key", 32) == X(e["wrappingKey"]), "wrapping key"
    assert hashlib.sha256(b"kenekanko/v1/login-key-hash\0" + login).digest() == X(e["loginKeyHash"]), "login key hash"
    fake = hmac.new(X(e["serverSecret"]), b"kenekanko/v1/fake-salt\0" + e["login"].encode(), "sha256").digest()[:16]
    assert fake == X(e["fakeSalt"]), "fake salt"


def check_statement():
    e = V["statement"]
    canonical = json.dumps(e["statement"], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert canonical == e["canonical"], "canonical JSON"
    pub = Ed25519PrivateKey.from_private_bytes(X(e["ed25519Seed"])).public_key()
    assert pub.public_bytes(Encoding.Raw, PublicFormat.Raw) == X(e["publicKey"]), "signer public key"
    Ed25519PublicKey.from_public_bytes(X(e["publicKey"])).verify(X(e["signature"]), e["purpose"].encode() + b"\0" + canonical.encode())
    fp = hashlib.sha256(X(e["publicKey"])).hexdigest()[:32]
    assert " ".join(fp[i:i + 4] for i in range(0, 32, 4)) == e["fingerprint"], "fingerprint"


for check in (check_envelope, check_sealed_box, check_file_key, check_receipt, check_password, check_statement):
    check()
    print("ok", check.__name__[6:])
sys.exit(0)
