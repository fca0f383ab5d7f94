#!/bin/sh
# Sets up the kiosk's receipt queue on the terminal's cupsd: a raw queue (ESC/POS bytes built by
# kioskd pass through unchanged), enabled, accepting, with printer-error-policy abort-job (a
# failed receipt is aborted and reported at once, instead of stopping the queue or printing
# minutes later), made the default destination.
#
#   setup-receipt-queue.sh [QUEUE] [DEVICE_URI]
#   QUEUE defaults to kiosk-receipt; DEVICE_URI to the first usb:// printer lpinfo finds.
#
# Use `lpinfo -v | grep usb://` to see the printer's URI. For a demo without hardware, install
# Devices/cups/kiosk-testprn into /usr/lib/cups/backend (mode 0755) and pass
# kiosk-testprn:/var/spool/kiosk-receipts.
set -eu
queue="${1:-kiosk-receipt}"
uri="${2:-}"
if [ -z "$uri" ]; then
  uri=$(lpinfo -v 2>/dev/null | awk '$2 ~ /^usb:\/\// { print $2; exit }')
fi
if [ -z "$uri" ]; then
  echo "setup-receipt-queue: no USB printer found (lpinfo -v); pass the device URI as the second argument" >&2
  exit 2
fi
# No -m: a raw queue without the "raw queues are deprecated" warning.
lpadmin -p "$queue" -E -v "$uri" -D "OneStop Kiosk 回执打印机" -o printer-error-policy=abort-job
cupsaccept "$queue"
cupsenable "$queue"
lpadmin -d "$queue"
echo "receipt queue $queue -> $uri (raw, abort-job, default)"
lpstat -p "$queue" -v "$queue"
