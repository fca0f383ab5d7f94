#!/usr/bin/env bash
# Benchmark: PhotoCheck's full check of a photo (decode + every check + Haar face detection)
# against the same checks in Python with Pillow + opencv-python-headless 4.x, on the same files,
# in one run. Prints Markdown: per-photo medians, ratios ours/theirs, peak RSS, and face-box
# agreement (same number of faces, every box IoU >= 0.5) on the check photos and on an extra
# set of public-domain images (scikit-image) searched for faces down to 10 % of the shorter side.
#
#   pip install "opencv-python-headless<5" pillow scikit-image
#   scripts/bench/photo-check.sh [REPEAT]          (default 100 repetitions per photo)
#
# Needs Debian's opencv-data (the cascade both sides load). Builds bench-photo with -c release.
set -euo pipefail
cd "$(dirname "$0")/../.."
repeat="${1:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --package-path Benchmarks --product bench-photo >&2
bin="$(swift build -c release --package-path Benchmarks --show-bin-path)/bench-photo"
"$bin" fixtures "$work/photos" >/dev/null
photos=("$work"/photos/*.jpg)

# Alternate the implementations so background load on the machine hits both alike.
"$bin" run --repeat "$repeat" "${photos[@]}" >"$work/ours.json"
python3 scripts/bench/photo_check_bench.py --repeat "$repeat" "${photos[@]}" >"$work/theirs.json"
python3 scripts/bench/photo_check_bench.py --repeat "$repeat" --threads 1 "${photos[@]}" >"$work/theirs1.json"
"$bin" run --repeat "$repeat" "${photos[@]}" >"$work/ours2.json"

python3 scripts/bench/make_agreement_set.py "$work/agree" >/dev/null
agree=("$work"/agree/*.jpg)
few=$(( repeat / 10 > 3 ? repeat / 10 : 3 ))
"$bin" run --repeat "$few" --min-fraction 0.1 "${agree[@]}" >"$work/agree-ours.json"
python3 scripts/bench/photo_check_bench.py --repeat "$few" --threads 1 --min-fraction 0.1 "${agree[@]}" >"$work/agree-theirs.json"

python3 scripts/bench/photo_check_report.py "$work"
