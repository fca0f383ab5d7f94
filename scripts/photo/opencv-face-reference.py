#!/usr/bin/env python3
"""Regenerates Tests/PhotoCheckTests/Fixtures/opencv-faces.json, OpenCV's answers on the face
detector's agreement set, which FaceAgreementTests compares PhotoCheck's detector with.

The images are the ones AgreementPortraits (Sources/KioskTesting) makes from the committed
portrait: `bench-photo agreement-set DIR` writes them as lossless PGM, so OpenCV reads exactly
the pixels the Swift test detects on. For every image it records a pixel checksum (so a changed
generator is told apart from a changed detector), the raw windows OpenCV's
CascadeClassifier.detectMultiScale finds (minNeighbors 0, faces down to 12 % of the shorter side:
every level the fixer and the checker search), and the grouped boxes for minNeighbors 3, 4, 5
with the fixer's (12 %) and the checker's (30 %) smallest face, largest face = the shorter side,
scaleFactor 1.1.

    pip install "opencv-python-headless<5"          # the version goes into the file
    apt-get install opencv-data                      # the cascade both sides load
    python3 scripts/photo/opencv-face-reference.py [--bench-photo PATH]

Without --bench-photo it builds bench-photo (debug) with swift build. The CI never runs this: the
test reads the committed JSON and needs no OpenCV.
"""
import argparse
import hashlib
import json
import pathlib
import subprocess
import sys
import tempfile

import cv2
import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests/PhotoCheckTests/Fixtures/opencv-faces.json"
CASCADE = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml"
SCALE_FACTOR = 1.1
RAW_FRACTION = 0.12
GROUPED = [(n, f) for f in (0.12, 0.30) for n in (3, 4, 5)]


def checksum(gray):
    """The same sum and index-weighted sum (64-bit wrapping) as AgreementPortraits.checksum."""
    p = gray.reshape(-1).astype(np.uint64)
    idx = np.arange(1, p.size + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        return f"{int(p.sum(dtype=np.uint64))}:{int((p * idx).sum(dtype=np.uint64))}"


def boxes(found):
    return sorted([int(v) for v in r] for r in found)


def bench_photo(explicit):
    if explicit:
        return explicit
    subprocess.run(["swift", "build", "--product", "bench-photo"], cwd=ROOT, check=True, stdout=sys.stderr)
    bin_dir = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip()
    return str(pathlib.Path(bin_dir) / "bench-photo")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench-photo", help="a built bench-photo executable")
    a = ap.parse_args()
    cascade = cv2.CascadeClassifier(CASCADE)
    if cascade.empty():
        sys.exit(f"cannot load {CASCADE} (Debian package opencv-data)")
    # One thread: the raw windows come back in a fixed order (they are sorted anyway).
    cv2.setNumThreads(1)
    images = []
    with tempfile.TemporaryDirectory() as work:
        paths = subprocess.run([bench_photo(a.bench_photo), "agreement-set", work], check=True,
                               capture_output=True, text=True).stdout.split()
        for path in paths:
            gray = cv2.imread(path, cv2.IMREAD_UNCHANGED)
            h, w = gray.shape
            short = min(w, h)
            raw = cascade.detectMultiScale(gray, scaleFactor=SCALE_FACTOR, minNeighbors=0,
                                           minSize=(int(short * RAW_FRACTION),) * 2, maxSize=(short, short))
            entry = {"name": pathlib.Path(path).stem, "width": w, "height": h, "checksum": checksum(gray),
                     "raw": boxes(raw), "faces": []}
            for n, f in GROUPED:
                found = cascade.detectMultiScale(gray, scaleFactor=SCALE_FACTOR, minNeighbors=n,
                                                 minSize=(int(short * f),) * 2, maxSize=(short, short))
                entry["faces"].append({"minNeighbors": n, "minFraction": f, "boxes": boxes(found)})
            images.append(entry)
            print(f"{entry['name']}: {len(entry['raw'])} raw windows, "
                  f"faces {[len(g['boxes']) for g in entry['faces']]}", file=sys.stderr)
    doc = {
        "generator": "scripts/photo/opencv-face-reference.py",
        "opencv": cv2.__version__,
        "cascade": pathlib.Path(CASCADE).name,
        "cascadeSHA256": hashlib.sha256(pathlib.Path(CASCADE).read_bytes()).hexdigest(),
        "scaleFactor": SCALE_FACTOR,
        "rawMinFraction": RAW_FRACTION,
        "images": images,
    }
    # One image per line keeps a regenerated file's diff readable.
    body = ",\n".join("    " + json.dumps(i, separators=(",", ":")) for i in images)
    head = json.dumps({k: v for k, v in doc.items() if k != "images"}, indent=2)[:-2]
    OUT.write_text(head + ',\n  "images": [\n' + body + "\n  ]\n}\n")
    print(f"{OUT}: {len(images)} images", file=sys.stderr)


if __name__ == "__main__":
    main()
