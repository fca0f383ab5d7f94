#!/usr/bin/env python3
"""The baseline for the PhotoCheck benchmark: the same checks done the way a developer would
otherwise do them, with Pillow, NumPy and opencv-python-headless 4.x (CascadeClassifier with the
same cascade file and the same scale parameters as PhotoCheck).

    pip install "opencv-python-headless<5" pillow
    python3 scripts/bench/photo_check_bench.py [--repeat N] [--threads K] FILE...

Prints one JSON document: per file the median time of a full check (read + decode + every
check + face detection), the median time of the face detection alone, the face boxes, and the
process's peak RSS. The regions and thresholds mirror Sources/PhotoCheck/Checks/ImageMeasures.swift
so the two implementations do the same work.
"""
import argparse
import io
import json
import resource
import statistics
import time

import cv2
import numpy as np
from PIL import Image

CASCADE = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml"
ANNEX_K = [16, 11, 12, 14, 12, 10, 16, 14, 13, 14, 18, 17, 16, 19, 24, 40, 26, 24, 22, 22, 24, 49, 35, 37, 29, 40,
           58, 51, 61, 60, 57, 51, 56, 55, 64, 72, 92, 78, 64, 68, 87, 69, 55, 56, 80, 109, 81, 87, 95, 98, 103,
           104, 103, 62, 77, 113, 121, 112, 100, 120, 92, 101, 103, 99]


MIN_FRACTION = 0.3


def detect(cascade, gray):
    short = min(gray.shape)
    m = int(short * MIN_FRACTION)
    faces = cascade.detectMultiScale(gray, scaleFactor=1.1, minNeighbors=3, minSize=(m, m), maxSize=(short, short))
    return sorted([list(map(int, f)) for f in faces], key=lambda r: -r[2] * r[3])


def check(cascade, data):
    results = {"file.size": 14 <= len(data) / 1024 <= 60}
    im = Image.open(io.BytesIO(data))
    results["jpeg.baseline"] = not im.info.get("progressive", False) and not im.info.get("progression", False)
    results["jpeg.colorSpace"] = im.mode == "RGB"
    dpi = im.info.get("dpi")
    results["jpeg.density"] = bool(dpi) and round(dpi[0]) in (300, 350)
    orientation = im.getexif().get(0x0112, 1)
    results["exif.orientation"] = orientation == 1
    q = getattr(im, "quantization", None) or {}
    if 0 in q:
        scale = sum(np.array(q[0], float) / np.array(ANNEX_K, float)) / 64 * 100
        quality = (200 - scale) / 2 if scale <= 100 else 5000 / scale
        results["jpeg.quality"] = quality >= 60
    rgb = np.asarray(im.convert("RGB"))
    if orientation == 6:
        rgb = np.rot90(rgb, -1)
    elif orientation == 8:
        rgb = np.rot90(rgb, 1)
    elif orientation == 3:
        rgb = rgb[::-1, ::-1]
    h, w = rgb.shape[:2]
    results["image.size"] = any(abs(w - sw) <= sw * 0.02 and abs(h - sh) <= sh * 0.02 for sw, sh in ((358, 441), (295, 413)))
    gray = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2GRAY)

    cw, ch, sw, strip = w // 5, h * 3 // 20, w * 4 // 100, max(1, h * 15 // 1000)
    left = [rgb[:ch, :cw], rgb[ch:h // 2, :sw], rgb[:strip, cw:w // 2]]
    right = [rgb[:ch, w - cw:], rgb[ch:h // 2, w - sw:], rgb[:strip, w // 2:w - cw]]
    lp = np.concatenate([r.reshape(-1, 3) for r in left])
    rp = np.concatenate([r.reshape(-1, 3) for r in right])
    both = np.concatenate([lp, rp])
    med = np.median(both, axis=0)
    results["background.colour"] = float(np.linalg.norm(med - 255)) <= 45
    luma = lambda p: p @ np.array([0.299, 0.587, 0.114])
    lb = luma(both)
    spread = (np.percentile(lb, 90) - np.percentile(lb, 10)) / 2.56
    results["background.uniform"] = spread <= 18 and abs(np.median(luma(lp)) - np.median(luma(rp))) <= 20

    faces = detect(cascade, gray)
    results["face.count"] = len(faces) == 1
    if len(faces) == 1:
        x, y, fw, fh = faces[0]
        face_rgb = rgb[y:y + fh, x:x + fw].astype(np.int16)
        results["image.colour"] = float((face_rgb.max(axis=2) - face_rgb.min(axis=2)).mean()) >= 8
        results["face.width"] = 0.50 <= fw / w <= 0.712
        results["face.centred"] = 0.4525 <= (x + fw / 2) / w <= 0.5475
        cols = rgb[: y + fh // 2, x + fw // 4: x + fw * 3 // 4].astype(np.float32)
        differing = (((cols - med) ** 2).sum(axis=2) > 1600).mean(axis=1) >= 0.3
        top = int(np.argmax(differing)) if differing.any() else y
        results["face.headTop"] = 0.016 <= top / h <= 0.048
        face = gray[y:y + fh, x:x + fw]
        mean = float(face.mean())
        results["face.exposure"] = 60 <= mean <= 215 and (face <= 25).mean() <= 0.2 and (face >= 247).mean() <= 0.1
        small = cv2.resize(face, (128, 128), interpolation=cv2.INTER_LINEAR)
        results["face.sharpness"] = float(cv2.Laplacian(small, cv2.CV_64F, ksize=1).var()) >= 60
    return results, faces


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--threads", type=int, default=-1, help="cv2.setNumThreads; -1 leaves OpenCV's default")
    ap.add_argument("--min-fraction", type=float, default=0.3, help="smallest face / shorter side")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    global MIN_FRACTION
    MIN_FRACTION = a.min_fraction
    if a.threads >= 0:
        cv2.setNumThreads(a.threads)
    t0 = time.perf_counter()
    cascade = cv2.CascadeClassifier(CASCADE)
    load_ms = (time.perf_counter() - t0) * 1000
    out = []
    for path in a.files:
        data = open(path, "rb").read()
        try:
            results, faces = check(cascade, data)              # warm-up
        except Exception as e:                                  # unreadable: Pillow raises
            out.append({"file": path.split("/")[-1], "verdict": "unreadable", "error": str(e)[:80]})
            continue
        times, dtimes = [], []
        gray = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
        for _ in range(a.repeat):
            t = time.perf_counter()
            results, faces = check(cascade, data)
            times.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            detect(cascade, gray)
            dtimes.append((time.perf_counter() - t) * 1000)
        out.append({"file": path.split("/")[-1], "medianMs": statistics.median(times),
                    "detectMedianMs": statistics.median(dtimes), "faces": faces,
                    "failed": sorted(k for k, v in results.items() if not v)})
    print(json.dumps({"implementation": f"Python {'.'.join(map(str, __import__('sys').version_info[:3]))}, "
                                        f"Pillow {Image.__version__}, OpenCV {cv2.__version__}, "
                                        f"threads {cv2.getNumThreads()}",
                      "repeatCount": a.repeat, "cascadeLoadMs": load_ms, "files": out,
                      "peakRSSKB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}, indent=1))


if __name__ == "__main__":
    main()
