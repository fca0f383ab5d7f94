#ifndef ONESTOP_CPTY_SHIM_H
#define ONESTOP_CPTY_SHIM_H
// openpty(3) for the ID-card reader simulator: Glibc's Swift module does not export <pty.h>.
#include <pty.h>
#endif
