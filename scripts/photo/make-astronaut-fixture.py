#!/usr/bin/env python3
"""Regenerates Tests/PhotoCheckTests/Fixtures/astronaut-portrait.jpg, the real-face fixture.

Source: skimage.data.astronaut() from scikit-image (PyPI), the NASA portrait of astronaut
Eileen Collins (NASA photo STS-93, public domain as a work of the U.S. Government; scikit-image
documents it as public domain in skimage/data/README.txt).

What it does: crops a head-and-shoulders 358x441 ID photo around the face (face box about 60 %
of the width, centred, hair top 14 px below the upper edge), replaces the studio backdrop, flag
and shuttle model with white using GrabCut seeded from that geometry, and saves a baseline JPEG
at 350 dpi. Deterministic for a given scikit-image/OpenCV/Pillow: OpenCV's RNG starts from a
fixed seed in every process.

    pip install scikit-image "opencv-python-headless<5" pillow
    python3 scripts/photo/make-astronaut-fixture.py
"""
import io
import pathlib

import cv2
import numpy as np
from PIL import Image
from skimage import data

OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests/PhotoCheckTests/Fixtures/astronaut-portrait.jpg"
W, H = 358, 441


def main():
    rgb = data.astronaut()                                   # 512x512 RGB
    # Geometry measured on the source: OpenCV's face box is 95 px at (177, 66), hair top y = 15.
    face_x, face_w, hair_top = 177, 95, 15
    scale = 0.60 * W / face_w                                # face box -> 60 % of the width
    crop_w, crop_h = W / scale, H / scale
    x0 = face_x + face_w / 2 - crop_w / 2
    y0 = hair_top - 14 / scale
    box = (int(round(x0)), int(round(y0)), int(round(x0 + crop_w)), int(round(y0 + crop_h)))
    crop = np.array(Image.fromarray(rgb).crop(box).resize((W, H), Image.LANCZOS))

    # GrabCut: the head-and-shoulders region is "probably foreground", the outer band background.
    mask = np.full((H, W), cv2.GC_BGD, np.uint8)
    cv2.ellipse(mask, (W // 2, int(H * 0.40)), (int(W * 0.47), int(H * 0.40)), 0, 0, 360, cv2.GC_PR_FGD, -1)
    mask[int(H * 0.55):, int(W * 0.02):int(W * 0.98)] = cv2.GC_PR_FGD
    cv2.ellipse(mask, (W // 2, int(H * 0.42)), (int(W * 0.25), int(H * 0.25)), 0, 0, 360, cv2.GC_FGD, -1)
    mask[int(H * 0.80):, int(W * 0.15):int(W * 0.85)] = cv2.GC_FGD
    bgd, fgd = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
    bgr = cv2.cvtColor(crop, cv2.COLOR_RGB2BGR)
    cv2.grabCut(bgr, mask, None, bgd, fgd, 6, cv2.GC_INIT_WITH_MASK)
    fg = np.where((mask == cv2.GC_FGD) | (mask == cv2.GC_PR_FGD), 1.0, 0.0).astype(np.float32)
    fg = cv2.morphologyEx(fg, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
    alpha = cv2.GaussianBlur(fg, (5, 5), 0)[..., None]
    white = np.full_like(crop, 255)
    out = (crop.astype(np.float32) * alpha + white * (1 - alpha)).round().astype(np.uint8)

    buf = io.BytesIO()
    Image.fromarray(out).save(buf, "JPEG", quality=88, dpi=(350, 350), optimize=False, progressive=False)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(buf.getvalue())
    print(f"{OUT}: {len(buf.getvalue())} bytes, crop {box}")


if __name__ == "__main__":
    main()
