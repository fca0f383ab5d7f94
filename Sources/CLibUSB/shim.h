#ifndef ONESTOP_CLIBUSB_SHIM_H
#define ONESTOP_CLIBUSB_SHIM_H
// libusb-1.0 for the ID-card reader's USB bulk transport. Swift cannot call C variadic
// functions, so the ones we need are wrapped here with fixed arguments.
#include <libusb.h>

/// libusb_set_option(ctx, LIBUSB_OPTION_LOG_LEVEL, level)
static inline int onestop_libusb_set_log_level(libusb_context *ctx, int level) {
    return libusb_set_option(ctx, LIBUSB_OPTION_LOG_LEVEL, level);
}

/// libusb_set_option(ctx, LIBUSB_OPTION_NO_DEVICE_DISCOVERY) must precede libusb_init; unused
/// today, kept beside the other option so every variadic call lives in this one header.
static inline int onestop_libusb_set_no_discovery(libusb_context *ctx) {
    return libusb_set_option(ctx, LIBUSB_OPTION_NO_DEVICE_DISCOVERY);
}
#endif
