// On Linux costgate allocates through mimalloc (Debian's libmimalloc, linked by this target): the
// library defines malloc, free and the rest, and, named before libc in the binary's dependencies, it
// takes every allocation of the process: Swift's, Foundation's and libyaml's, whose tokens and
// events are a malloc and a free each. Measured on the 2,000-file tree of scripts/bench-estimate.sh:
// 7.6 % fewer instructions than glibc's malloc (tuned as it was), 4-14 % less wall time in runs
// alternating with the glibc build, 2.5 MB more resident. (`serve`, which runs for days, gets it too:
// mimalloc returns freed pages to the system after a short delay.) This file also makes the link
// hold: its call below is what keeps libmimalloc among the binary's dependencies when the linker
// drops unused libraries.
#include <stdlib.h>
#include "callocator.h"

#if defined(__linux__)
#include <mimalloc.h>
#endif

int callocator_is_mimalloc(void) {
#if defined(__linux__)
    void *block = malloc(64);
    int ours = block != NULL && mi_is_in_heap_region(block);
    free(block);
    return ours;
#else
    return 0;
#endif
}
