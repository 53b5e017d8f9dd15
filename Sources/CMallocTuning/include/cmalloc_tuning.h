#ifndef CMALLOC_TUNING_H
#define CMALLOC_TUNING_H

/// Makes glibc grow its heaps 16 MiB at a time (M_TOP_PAD), keep blocks under 4 MiB on the heap
/// (M_MMAP_THRESHOLD) and keep up to 32 MiB of freed memory (M_TRIM_THRESHOLD). Returns 1 when glibc
/// took all three, 0 elsewhere (a no-op there).
int cmalloc_grow_heap_in_large_steps(void);

#endif
