// glibc's mallopt is declared in <malloc.h>, which Swift's Glibc module does not bring in.
// <stdlib.h> first: it defines __GLIBC__ (through <features.h>), which the check below needs. Without
// it the check was always false and this function compiled to nothing.
#include <stdlib.h>
#include "cmalloc_tuning.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int cmalloc_grow_heap_in_large_steps(void) {
#if defined(__GLIBC__)
    // Each thread's arena starts with the pad too, instead of growing a page or two per mprotect call.
    int padded = mallopt(M_TOP_PAD, 16 << 20);
    // M_TOP_PAD ends glibc's adaptive mmap threshold, which would leave every block of 128 KiB or more
    // (spot model grids, report buffers) to its own mmap and fresh zeroed pages; keep them on the heap,
    // and keep freed memory instead of returning it after every large free. (`serve` runs with this
    // too: a heap keeps up to 32 MiB it no longer uses after a burst, which bounds its resident size by
    // its peak, not more.)
    int mapped = mallopt(M_MMAP_THRESHOLD, 4 << 20);
    int trimmed = mallopt(M_TRIM_THRESHOLD, 32 << 20);
    return padded == 1 && mapped == 1 && trimmed == 1;
#else
    return 0;
#endif
}
