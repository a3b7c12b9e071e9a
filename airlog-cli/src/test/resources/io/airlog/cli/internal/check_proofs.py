"""Checks proofs printed by `airlog` with the independent implementation of docs/checkpoint-vectors.py.

    python3 check_proofs.py path/to/checkpoint-vectors.py cases.json

Each case is an inclusion bundle (with its leaf) or a consistency bundle (with the old root),
the verifier keys trusted, the origin, and whether it must be valid. Prints 'N passed, M failed'.
"""
import importlib.util
import json
import sys

spec = importlib.util.spec_from_file_location("vectors", sys.argv[1])
vectors = importlib.util.module_from_spec(spec)
spec.loader.exec_module(vectors)
replay = vectors.Replay({"leaves": []})
passed = failed = 0
for case in json.load(open(sys.argv[2], encoding="utf-8")):
    try:
        valid = replay.inclusion_bundle(case) if case["kind"] == "inclusion" else replay.consistency_bundle(case)
    except (vectors.Rejected, ValueError):
        valid = False
    if valid == case["valid"]:
        passed += 1
    else:
        failed += 1
        print(f"MISMATCH: {case['name']}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
