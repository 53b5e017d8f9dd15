// glibc's mallopt is declared in <malloc.h>, which Swift's Glibc module does not bring in.
#include "cmalloc_tuning.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void cmalloc_grow_heap_in_large_steps(void) {
#if defined(__GLIBC__)
    mallopt(M_TOP_PAD, 16 << 20);
#endif
}
