// TurboJPEG 2.1 (Debian libturbojpeg0-dev). Only the include: every call returns -1 on error
// and reports it through tjGetErrorStr2, so libjpeg's exiting error handler never runs.
#include <stddef.h>
#include <turbojpeg.h>
