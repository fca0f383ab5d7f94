#!/usr/bin/env python3
"""Writes extra photos for the face-box agreement figures of scripts/bench/photo-check.sh.

Public-domain images bundled with scikit-image (PyPI), as baseline JPEGs at quality 90:
the original NASA astronaut portrait (busy background: flag, shuttle model), scaled, flipped,
rotated, darkened and noisy variants of it, and images with no human face (camera man seen from
the side, coffee cup, cat, rocket) where both detectors should agree on what they find.

    pip install scikit-image pillow
    python3 scripts/bench/make_agreement_set.py DIR
"""
import pathlib
import sys

import numpy as np
from PIL import Image, ImageEnhance
from skimage import data


def save(img, path):
    img.convert("RGB").save(path, "JPEG", quality=90)


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    astro = Image.fromarray(data.astronaut())
    variants = {"astronaut": astro}
    for s in (0.6, 0.8, 1.25, 1.6):
        variants[f"astronaut-scale{s}"] = astro.resize((int(512 * s), int(512 * s)), Image.BILINEAR)
    variants["astronaut-mirror"] = astro.transpose(Image.FLIP_LEFT_RIGHT)
    for deg in (-8, -4, 4, 8):
        variants[f"astronaut-rot{deg}"] = astro.rotate(deg, resample=Image.BILINEAR, fillcolor=(255, 255, 255))
    variants["astronaut-dark"] = ImageEnhance.Brightness(astro).enhance(0.45)
    variants["astronaut-bright"] = ImageEnhance.Brightness(astro).enhance(1.4)
    rng = np.random.default_rng(4)
    noisy = np.clip(np.asarray(astro, np.int16) + rng.normal(0, 12, (512, 512, 3)), 0, 255).astype(np.uint8)
    variants["astronaut-noise"] = Image.fromarray(noisy)
    variants["astronaut-headcrop"] = astro.crop((120, 0, 360, 300))
    variants["camera"] = Image.fromarray(data.camera())
    variants["coffee"] = Image.fromarray(data.coffee())
    variants["chelsea-cat"] = Image.fromarray(data.chelsea())
    variants["rocket"] = Image.fromarray(data.rocket())
    for name, img in variants.items():
        save(img, out / f"agree-{name}.jpg")
        print(out / f"agree-{name}.jpg")


if __name__ == "__main__":
    main()
