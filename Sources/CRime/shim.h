#ifndef ONESTOP_CRIME_SHIM_H
#define ONESTOP_CRIME_SHIM_H
// librime's C API (Debian librime-dev): the types only. The library itself is opened with
// dlopen at run time (RimePinyin/RimeLibrary.swift), so a terminal without librime still starts
// and its keyboard says the engine is missing instead of the program failing to load.
#include <rime_api.h>

// RIME_STRUCT_INIT is a macro, which Swift cannot call: the size each versioned struct announces.
static inline int onestop_rime_data_size(int full_size) { return full_size - (int)sizeof(int); }
#endif
